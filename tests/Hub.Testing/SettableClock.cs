namespace Hub.Testing;

/// <summary>
/// Real time, moved to whichever instant a test sets or forward by whatever a test needs (quotes expire, escrows fall
/// due, a customs day turns) without waiting; timers keep running normally.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>A clock that reads the system's time until it is moved.</summary>
    public SettableClock()
    {
    }

    /// <summary>A clock that reads <paramref name="start"/> now.</summary>
    /// <param name="start">The instant, in UTC.</param>
    public SettableClock(DateTime start) => Set(start);

    /// <summary>Moves the clock so that it now reads <paramref name="utc"/>.</summary>
    /// <param name="utc">The instant, in UTC.</param>
    public void Set(DateTime utc) =>
        Interlocked.Exchange(ref _offsetTicks, (new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) - System.GetUtcNow()).Ticks);

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    /// <param name="by">How far.</param>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
