using Hub.ServiceDefaults.Hosting;

namespace Hub.ServiceDefaults.Tests.Hosting;

public sealed class MicrosecondClockTests
{
    [Fact]
    public void Now_IsCutToWholeMicroseconds_InUtc()
    {
        var inner = new FixedTime(new DateTimeOffset(2026, 12, 5, 17, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var clock = new MicrosecondClock(inner);

        var now = clock.GetUtcNow();

        now.ShouldBe(new DateTimeOffset(2026, 12, 5, 17, 30, 0, TimeSpan.Zero).AddTicks(1_234_560));
        now.Offset.ShouldBe(TimeSpan.Zero);
        clock.GetUtcNow().UtcDateTime.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Services_TellTimeInWholeMicroseconds()
    {
        var clock = new MicrosecondClock(TimeProvider.System);

        var samples = Enumerable.Range(0, 50).Select(_ => clock.GetUtcNow()).ToList();

        samples.ShouldAllBe(t => t.UtcTicks % 10 == 0);
        (DateTimeOffset.UtcNow - samples[^1]).ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }
}
