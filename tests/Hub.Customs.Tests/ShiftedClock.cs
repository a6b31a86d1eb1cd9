namespace Hub.Customs.Tests;

/// <summary>Real time, moved so that the test run starts at a chosen instant; timers keep running normally.</summary>
internal sealed class ShiftedClock(DateTime start) : TimeProvider
{
    private readonly TimeSpan _offset = new DateTimeOffset(start) - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
