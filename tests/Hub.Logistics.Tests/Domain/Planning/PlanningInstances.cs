using Hub.Logistics.Domain.Planning;

namespace Hub.Logistics.Tests.Domain.Planning;

/// <summary>Instances for planner tests: hand-built ones and seeded random pools.</summary>
internal static class PlanningInstances
{
    public static ContainerSpec TwentyFoot { get; } = ContainerSpec.FromMetric("20GP", 28m, 28_000m);

    public static PlanningConsignment Consignment(string id, decimal volumeM3, decimal weightKg, int cartons = 1) =>
        new(id, [.. Enumerable.Range(0, cartons).Select(_ => new PlanningCarton(new Load(
            (long)(volumeM3 * 1_000_000m / cartons), (long)(weightKg * 1_000m / cartons))))]);

    /// <summary>A random pool of small-lot consignments of 1–6 cartons; the same seed gives the same pool.</summary>
    public static List<PlanningConsignment> RandomPool(int seed, int count)
    {
        var random = new Random(seed);
        var pool = new List<PlanningConsignment>(count);
        for (var i = 0; i < count; i++)
        {
            // Mostly light, bulky goods with some dense ones, as small wholesale lots are.
            var dense = random.NextDouble() < 0.2;
            var cartons = Enumerable.Range(0, random.Next(1, 7)).Select(_ =>
            {
                long volume = random.Next(20_000, 900_000);
                var kgPerM3 = dense ? random.Next(800, 2_500) : random.Next(60, 400);
                return new PlanningCarton(new Load(volume, volume * kgPerM3 / 1_000));
            });
            pool.Add(new PlanningConsignment($"C{seed}-{i}", [.. cartons]));
        }

        return pool;
    }
}
