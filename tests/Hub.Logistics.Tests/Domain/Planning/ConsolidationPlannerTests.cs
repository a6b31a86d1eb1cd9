using Hub.Logistics.Domain.Planning;
using Xunit.Abstractions;

namespace Hub.Logistics.Tests.Domain.Planning;

public sealed class ConsolidationPlannerTests(ITestOutputHelper output)
{
    private static readonly ConsolidationPlanner Planner = new(PlannerOptions.Default);

    // Volumes 5, 4, 4, 3, 2, 2 tenths of 28 m³: FFD packs {5,4} {4,3,2} {2}; {5,3,2} {4,4,2} needs two.
    private static List<PlanningConsignment> FfdTrap() =>
    [
        PlanningInstances.Consignment("a", 14.0m, 100m),
        PlanningInstances.Consignment("b", 11.2m, 100m),
        PlanningInstances.Consignment("c", 11.2m, 100m),
        PlanningInstances.Consignment("d", 8.4m, 100m),
        PlanningInstances.Consignment("e", 5.6m, 100m),
        PlanningInstances.Consignment("f", 5.6m, 100m),
    ];

    [Fact]
    public void Plan_WhereFirstFitDecreasingIsSuboptimal_UsesFewerContainers()
    {
        var plan = Planner.Plan(FfdTrap(), PlanningInstances.TwentyFoot);

        plan.Quality.FirstFitDecreasing.ShouldBe(3);
        plan.Quality.Containers.ShouldBe(2);
        plan.Quality.Containers.ShouldBeLessThan(plan.Quality.FirstFitDecreasing);
        plan.Quality.LowerBound.ShouldBe(2);
        plan.Quality.Method.ShouldNotBe(ConsolidationPlanner.FirstFitDecreasingMethod);
        AssertWithinLimits(plan);
    }

    [Fact]
    public void Plan_WhereFirstFitDecreasingIsSuboptimalWithoutExactSearch_LocalSearchStillWins()
    {
        var planner = new ConsolidationPlanner(PlannerOptions.Default with { ExactSearchMaxItems = 0 });

        var plan = planner.Plan(FfdTrap(), PlanningInstances.TwentyFoot);

        plan.Quality.Containers.ShouldBe(2);
        plan.Quality.Method.ShouldBe(ConsolidationPlanner.BinEliminationMethod);
    }

    [Fact]
    public void Plan_ByWeight_LowerBoundTakesTheHeavierDimension()
    {
        // 1 m³ each but 10 t each: weight (60 t / 28 t → 3) binds, not volume (6 m³ / 28 m³ → 1).
        var pool = Enumerable.Range(0, 6).Select(i => PlanningInstances.Consignment($"h{i}", 1m, 10_000m)).ToList();

        var plan = Planner.Plan(pool, PlanningInstances.TwentyFoot);

        plan.Quality.LowerBound.ShouldBe(3);
        plan.Quality.Containers.ShouldBe(3);
        plan.Quality.WeightFill.ShouldBe(60_000.0 / 84_000.0, 1e-9);
        plan.Quality.VolumeFill.ShouldBe(6.0 / 84.0, 1e-9);
        AssertWithinLimits(plan);
    }

    [Theory]
    [InlineData(28.0, 1)]
    [InlineData(28.08, 2)]
    [InlineData(56.0, 2)]
    [InlineData(84.5, 4)]
    public void Plan_LowerBound_IsCeilingOfTotalOverCapacity(decimal totalM3, int expected)
    {
        var pool = Enumerable.Range(0, 8).Select(i => PlanningInstances.Consignment($"v{i}", totalM3 / 8, 10m)).ToList();

        Planner.Plan(pool, PlanningInstances.TwentyFoot).Quality.LowerBound.ShouldBe(expected);
    }

    [Fact]
    public void Plan_EmptyPool_UsesNoContainer()
    {
        var plan = Planner.Plan([], PlanningInstances.TwentyFoot);

        plan.Containers.ShouldBeEmpty();
        plan.Quality.LowerBound.ShouldBe(0);
        plan.Quality.VolumeFill.ShouldBe(0);
    }

    [Fact]
    public void Plan_ConsignmentsThatFit_KeepEveryOrderInOneContainer()
    {
        var pool = PlanningInstances.RandomPool(seed: 7, count: 120);

        var plan = Planner.Plan(pool, PlanningInstances.TwentyFoot);

        plan.Quality.SplitConsignments.ShouldBe(0);
        foreach (var consignment in pool)
        {
            var holders = plan.Containers.Where(c => c.Parts.Any(p => p.ConsignmentId == consignment.Id)).ToList();
            holders.Count.ShouldBe(1);
            holders[0].Parts.Single(p => p.ConsignmentId == consignment.Id).CartonIndexes.Count.ShouldBe(consignment.Cartons.Count);
        }
    }

    [Fact]
    public void Plan_ConsignmentLargerThanAContainer_IsSplitOverAsFewAsNeeded()
    {
        // 40 cartons of 1 m³: 40 m³ cannot travel in one 28 m³ container, so two, every carton loaded once.
        var big = PlanningInstances.Consignment("big", 40m, 4_000m, cartons: 40);
        var small = PlanningInstances.Consignment("small", 2m, 100m);

        var plan = Planner.Plan([big, small], PlanningInstances.TwentyFoot);

        plan.Quality.SplitConsignments.ShouldBe(1);
        plan.Containers.Count(c => c.Parts.Any(p => p.ConsignmentId == "big")).ShouldBe(2);
        plan.Containers.SelectMany(c => c.Parts).Where(p => p.ConsignmentId == "big").SelectMany(p => p.CartonIndexes)
            .Order().ShouldBe(Enumerable.Range(0, 40));
        plan.Containers.Count(c => c.Parts.Any(p => p.ConsignmentId == "small")).ShouldBe(1);
        AssertWithinLimits(plan);
    }

    [Fact]
    public void Plan_CartonHeavierThanThePayload_IsRejectedAndTheRestPlanned()
    {
        var tooHeavy = PlanningInstances.Consignment("heavy", 1m, 30_000m);
        var fine = PlanningInstances.Consignment("fine", 1m, 100m);

        var plan = Planner.Plan([tooHeavy, fine], PlanningInstances.TwentyFoot);

        plan.Rejected.ShouldHaveSingleItem().ConsignmentId.ShouldBe("heavy");
        plan.Rejected[0].Reason.ShouldContain("payload");
        plan.Containers.ShouldHaveSingleItem().Parts.ShouldHaveSingleItem().ConsignmentId.ShouldBe("fine");
    }

    [Fact]
    public void Plan_SeededRandomPools_NeverWorseThanFirstFitDecreasingAndNeverOverALimit()
    {
        var planner = new ConsolidationPlanner(PlannerOptions.Default with { TimeLimit = TimeSpan.FromMilliseconds(300) });
        int better = 0, containers = 0, ffd = 0, bound = 0;
        for (var seed = 1; seed <= 50; seed++)
        {
            var pool = PlanningInstances.RandomPool(seed, count: 40 + (seed * 7 % 160));

            var plan = planner.Plan(pool, PlanningInstances.TwentyFoot);

            plan.Quality.Containers.ShouldBeLessThanOrEqualTo(plan.Quality.FirstFitDecreasing, $"seed {seed}");
            plan.Quality.Containers.ShouldBeGreaterThanOrEqualTo(plan.Quality.LowerBound, $"seed {seed}");
            AssertWithinLimits(plan);
            AssertEveryCartonOnce(pool, plan);
            better += plan.Quality.Containers < plan.Quality.FirstFitDecreasing ? 1 : 0;
            (containers, ffd, bound) = (containers + plan.Quality.Containers, ffd + plan.Quality.FirstFitDecreasing, bound + plan.Quality.LowerBound);
        }

        output.WriteLine($"50 pools: planner {containers} containers, FFD {ffd}, lower bound {bound}; better than FFD on {better} pools.");
        containers.ShouldBeLessThanOrEqualTo(ffd);
    }

    [Fact]
    public void Plan_ThousandConsignmentPools_NeverWorseThanFfdAndWithinFivePercentOfTheBound()
    {
        var planner = new ConsolidationPlanner(PlannerOptions.Default with { TimeLimit = TimeSpan.FromSeconds(1) });
        double gapSum = 0;
        const int Pools = 5;
        for (var seed = 100; seed < 100 + Pools; seed++)
        {
            var pool = PlanningInstances.RandomPool(seed, count: 1_000);

            var plan = planner.Plan(pool, PlanningInstances.TwentyFoot);

            var q = plan.Quality;
            output.WriteLine($"seed {seed}: {q.Containers} containers, FFD {q.FirstFitDecreasing}, bound {q.LowerBound}, fill {q.VolumeFill:P1} vol / {q.WeightFill:P1} wt, {q.Runtime.TotalMilliseconds:0} ms, {q.Method}");
            q.Containers.ShouldBeLessThanOrEqualTo(q.FirstFitDecreasing);
            AssertWithinLimits(plan);
            gapSum += (double)(q.Containers - q.LowerBound) / q.LowerBound;
        }

        output.WriteLine($"average gap to the lower bound: {gapSum / Pools:P2}");
        (gapSum / Pools).ShouldBeLessThanOrEqualTo(0.05);
    }

    [Fact]
    public void Plan_TenThousandConsignments_FinishesWithinItsBudgetAndPrintsTheFigures()
    {
        var planner = new ConsolidationPlanner(PlannerOptions.Default with { TimeLimit = TimeSpan.FromSeconds(2) });
        var pool = PlanningInstances.RandomPool(seed: 10_000, count: 10_000);

        var plan = planner.Plan(pool, PlanningInstances.TwentyFoot);

        var q = plan.Quality;
        output.WriteLine($"10,000 consignments: {q.Containers} containers, FFD {q.FirstFitDecreasing}, lower bound {q.LowerBound}, {q.Runtime.TotalMilliseconds:0} ms, {q.Method}");
        q.Containers.ShouldBeLessThanOrEqualTo(q.FirstFitDecreasing);
        q.Runtime.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        AssertWithinLimits(plan);
        AssertEveryCartonOnce(pool, plan);
    }

    private static void AssertWithinLimits(ConsolidationPlan plan)
    {
        foreach (var container in plan.Containers)
        {
            container.Load.VolumeCm3.ShouldBeLessThanOrEqualTo(plan.Container.Capacity.VolumeCm3);
            container.Load.WeightGrams.ShouldBeLessThanOrEqualTo(plan.Container.Capacity.WeightGrams);
        }
    }

    private static void AssertEveryCartonOnce(List<PlanningConsignment> pool, ConsolidationPlan plan)
    {
        var loaded = plan.Containers.SelectMany(c => c.Parts).SelectMany(p => p.CartonIndexes.Select(i => (p.ConsignmentId, i))).ToList();
        plan.Rejected.ShouldBeEmpty();
        loaded.Count.ShouldBe(pool.Sum(c => c.Cartons.Count));
        loaded.Distinct().Count().ShouldBe(loaded.Count);
    }
}
