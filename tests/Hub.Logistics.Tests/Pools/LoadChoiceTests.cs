using Hub.Contracts.Values;
using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;
using Hub.Logistics.Domain.Planning;
using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Pools;

namespace Hub.Logistics.Tests.Pools;

public sealed class LoadChoiceTests
{
    private static readonly ConsolidationPlanner Planner = new(PlannerOptions.Default);

    private static Lane SeaLane(decimal sharedRate) => Lane.Create(HubId.KR, HubId.CN, TransportMode.Sea, new LaneTerms(
        [1], new TimeOnly(9, 0), 0.9m, 6000m, CurrencyCode.KRW, sharedRate, DateTime.UnixEpoch,
        [new ContainerType("20GP", 28m, 28_000m, 1_300_000m), new ContainerType("40HC", 76m, 26_500m, 2_300_000m)]));

    // n consignments of one 1 m³, 200 kg carton each: 1 revenue ton apiece.
    private static List<Consignment> Cubes(Lane lane, int n) => [.. Enumerable.Range(1, n).Select(i =>
    {
        Carton[] cartons = [new(100, 100, 100, 200)];
        return Consignment.Book(new ConsignmentId(HubId.KR, i), new OrderId(HubId.CN, i), CompanyId.Parse("KR-C-000001"), lane.Id,
            cartons, lane.ChargeableWeight(cartons), DateTime.UnixEpoch);
    })];

    [Fact]
    public void Choose_FewConsignments_SharedSpaceIsCheaper()
    {
        var lane = SeaLane(sharedRate: 95_000m);

        var choice = LoadChoice.Choose(lane, Cubes(lane, 5), Planner);

        // 5 rt × 95,000 = 475,000 against one 20GP at 1,300,000.
        choice.Mode.ShouldBe(LoadMode.SharedSpace);
        choice.Cost.ShouldBe(475_000m);
    }

    [Fact]
    public void Choose_ManyConsignments_FullContainersOfTheCheapestTypeWin()
    {
        var lane = SeaLane(sharedRate: 95_000m);

        var choice = LoadChoice.Choose(lane, Cubes(lane, 60), Planner);

        // 60 m³: three 20GP (3,900,000) or one 40HC (2,300,000); shared space would be 5,700,000.
        choice.Mode.ShouldBe(LoadMode.FullContainer);
        choice.Container.Code.ShouldBe("40HC");
        choice.Plan.Quality.Containers.ShouldBe(1);
        choice.Cost.ShouldBe(2_300_000m);
    }
}
