using Hub.Contracts.Values;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;

namespace Hub.Logistics.Tests.Domain.Lanes;

public sealed class LaneTests
{
    private static LaneTerms Terms(decimal sharedRate = 95_000m) => new(
        [1, 4], new TimeOnly(9, 0), 0.9m, 6000m, CurrencyCode.KRW, sharedRate, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        [new ContainerType("20GP", 28m, 28_000m, 1_300_000m), new ContainerType("40HC", 76m, 26_500m, 2_300_000m)]);

    [Theory]
    [InlineData("2026-11-23T03:00:00Z", "2026-11-23T09:00:00Z")] // Monday before the cut-off: today
    [InlineData("2026-11-23T09:00:00Z", "2026-11-26T09:00:00Z")] // exactly at it: the next one, Thursday
    [InlineData("2026-11-27T12:00:00Z", "2026-11-30T09:00:00Z")] // Friday: next Monday
    public void NextCutOff_IsTheFirstScheduledCutOffAfterNow(string now, string expected)
    {
        var lane = Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, Terms());

        lane.NextCutOff(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal))
            .ShouldBe(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    [Fact]
    public void Create_SameHubBothEnds_IsRefused() =>
        Should.Throw<ArgumentException>(() => Lane.Create(HubId.KR, HubId.KR, TransportMode.Sea, Terms()));

    [Fact]
    public void Revise_DuplicateContainerCodesOrNoWeekday_IsRefusedAndKeepsTheOldTerms()
    {
        var lane = Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, Terms());

        Should.Throw<ArgumentException>(() => lane.Revise(Terms() with { Containers = [new("20GP", 28m, 28_000m, 1m), new("20GP", 28m, 28_000m, 2m)] }));
        Should.Throw<ArgumentException>(() => lane.Revise(Terms() with { CutOffWeekdays = [] }));

        lane.Containers.Count.ShouldBe(2);
        lane.LargestContainer.Code.ShouldBe("40HC");
        lane.Code.ShouldBe("KR-CN-SEA");
    }

    [Fact]
    public void SharedSpacePrice_RoundsHalfUpToTheCurrencyMinorUnit()
    {
        var lane = Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, Terms(sharedRate: 95_000m));

        // 0.123 rt × 95,000 = 11,685 exactly; 0.0125 rt × 95,000 = 1,187.5 → 1,188 (KRW has no minor unit).
        lane.SharedSpacePrice(0.123m).Amount.ShouldBe(11_685m);
        lane.SharedSpacePrice(0.0125m).Amount.ShouldBe(1_188m);
    }

    [Fact]
    public void ApplyDue_TwoRevisionsDue_TheLaterIsInForceAndBothAreForgotten()
    {
        var lane = Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, Terms());
        var now = new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
        lane.Schedule(Terms(96_000m) with { ValidFrom = now.AddDays(1) }, now);
        lane.Schedule(Terms(97_000m) with { ValidFrom = now.AddDays(2) }, now);
        lane.Schedule(Terms(98_000m) with { ValidFrom = now.AddDays(9) }, now);

        lane.ApplyDue(now.AddDays(3));

        lane.SharedRate.ShouldBe(97_000m);
        lane.RatesValidFrom.ShouldBe(now.AddDays(2));
        lane.Scheduled.Select(s => s.Terms.SharedRate).ShouldBe([98_000m]);
        lane.Scheduled[0].Terms.Containers.Select(c => (c.Code, c.FullLoadRate)).ShouldBe([("20GP", 1_300_000m), ("40HC", 2_300_000m)]);
    }

    [Fact]
    public void Schedule_NotAfterNow_IsRefused()
    {
        var lane = Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, Terms());

        Should.Throw<ArgumentException>(() => lane.Schedule(Terms(), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        lane.Scheduled.ShouldBeEmpty();
    }

    [Fact]
    public void Schedule_PastTheLimit_RefusedUnlessItReplacesOne()
    {
        var lane = Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, Terms());
        var now = new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
        for (var day = 1; day <= Lane.MaxScheduled; day++)
        {
            lane.Schedule(Terms(90_000m + day) with { ValidFrom = now.AddDays(day) }, now);
        }

        Should.Throw<InvalidOperationException>(() => lane.Schedule(Terms() with { ValidFrom = now.AddDays(99) }, now));
        lane.Schedule(Terms(1m) with { ValidFrom = now.AddDays(3) }, now);

        lane.Scheduled.Count.ShouldBe(Lane.MaxScheduled);
        lane.Scheduled[2].Terms.SharedRate.ShouldBe(1m);
    }
}
