namespace Hub.ServiceDefaults.Hosting;

/// <summary>
/// The services' clock: UTC time in whole microseconds, the precision PostgreSQL keeps. A time an API answers with
/// right after a change is then exactly the time it answers with when read back later.
/// </summary>
/// <param name="inner">The clock read (the system's).</param>
public sealed class MicrosecondClock(TimeProvider inner) : TimeProvider
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TicksPerMicrosecond));
    }

    /// <inheritdoc />
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
