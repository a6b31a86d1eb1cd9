namespace Hub.Customs.Tests;

/// <summary>The Customs service of hub CN on a clock each test sets to the instant it needs.</summary>
public sealed class ChineseCalendarHost : CustomsHost
{
    private readonly SettableClock _clock;

    public ChineseCalendarHost()
        : this(new SettableClock(Today))
    {
    }

    private ChineseCalendarHost(SettableClock clock)
        : base("CN", clock) => _clock = clock;

    /// <summary>Sets the service's clock to <paramref name="utc"/>.</summary>
    /// <param name="utc">The instant, in UTC.</param>
    public void SetClock(DateTime utc) => _clock.Set(utc);
}
