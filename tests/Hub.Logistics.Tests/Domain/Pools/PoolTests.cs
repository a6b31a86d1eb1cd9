using Hub.Logistics.Domain;
using Hub.Logistics.Domain.Pools;

namespace Hub.Logistics.Tests.Domain.Pools;

public sealed class PoolTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Add_TracksTotalsAndFillOfTheBindingDimension()
    {
        var pool = Pool.Open(Guid.NewGuid(), Now.AddHours(6), Now);

        pool.Add(14_000_000m, 2_000m, Now);

        pool.FillOf(28m, 28_000m).ShouldBe(0.5m);
        pool.Add(0m, 26_000m, Now);
        pool.FillOf(28m, 28_000m).ShouldBe(1m);
        pool.Consignments.ShouldBe(2);
    }

    [Fact]
    public void Add_AfterCutOffOrOnceClosing_IsRefused()
    {
        var pool = Pool.Open(Guid.NewGuid(), Now.AddHours(6), Now);

        Should.Throw<IllegalTransitionException>(() => pool.Add(1m, 1m, Now.AddHours(6)));
        pool.StopTaking(Pool.FillReason);
        Should.Throw<IllegalTransitionException>(() => pool.Add(1m, 1m, Now));
        Should.Throw<IllegalTransitionException>(() => pool.StopTaking(Pool.CutOffReason));
        pool.MarkPlanned(Now);
        Should.Throw<IllegalTransitionException>(() => pool.MarkPlanned(Now));
        pool.CloseReason.ShouldBe(Pool.FillReason);
    }
}
