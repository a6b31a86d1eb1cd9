namespace Hub.Customs.Tests;

/// <summary>The Customs service of hub KR on a clock each test sets to the instant it needs.</summary>
public sealed class KoreanCalendarHost : CustomsHost
{
    private readonly SettableClock _clock;

    public KoreanCalendarHost()
        : this(new SettableClock(Today))
    {
    }

    private KoreanCalendarHost(SettableClock clock)
        : base("KR", clock) => _clock = clock;

    /// <summary>Sets the service's clock to <paramref name="utc"/>.</summary>
    /// <param name="utc">The instant, in UTC.</param>
    public void SetClock(DateTime utc) => _clock.Set(utc);
}
