namespace Hub.Customs.Tests;

/// <summary>Real time, moved to whichever instant a test sets; timers keep running normally.</summary>
internal sealed class SettableClock(DateTime start) : TimeProvider
{
    private long _offsetTicks = OffsetTicks(start);

    /// <summary>Moves the clock so that it now reads <paramref name="utc"/>.</summary>
    public void Set(DateTime utc) => Interlocked.Exchange(ref _offsetTicks, OffsetTicks(utc));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    private static long OffsetTicks(DateTime utc) => (new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) - System.GetUtcNow()).Ticks;
}
