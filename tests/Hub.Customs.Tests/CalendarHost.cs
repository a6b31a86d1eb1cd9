using Hub.Testing;

namespace Hub.Customs.Tests;

/// <summary>The Customs service of a hub on a clock each test sets to the instant it needs.</summary>
public abstract class CalendarHost : CustomsHost
{
    private readonly SettableClock _clock;

    /// <summary>A host of <paramref name="hub"/> whose clock starts at <see cref="CustomsHost.Today"/>.</summary>
    /// <param name="hub">The hub the service belongs to.</param>
    protected CalendarHost(string hub)
        : this(hub, new SettableClock(Today))
    {
    }

    private CalendarHost(string hub, SettableClock clock)
        : base(hub, clock) => _clock = clock;

    /// <summary>Sets the service's clock to <paramref name="utc"/>.</summary>
    /// <param name="utc">The instant, in UTC.</param>
    public void SetClock(DateTime utc) => _clock.Set(utc);
}

/// <summary>The Customs service of hub KR on a settable clock.</summary>
public sealed class KoreanCalendarHost() : CalendarHost("KR");

/// <summary>The Customs service of hub CN on a settable clock.</summary>
public sealed class ChineseCalendarHost() : CalendarHost("CN");
