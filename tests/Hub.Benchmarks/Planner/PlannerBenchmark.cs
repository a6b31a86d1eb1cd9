using System.Diagnostics;
using System.Globalization;
using Hub.Benchmarks.Outbox;
using Hub.Logistics.Domain.Planning;
using Hub.Logistics.Tests.Domain.Planning;

namespace Hub.Benchmarks.Planner;

/// <summary>
/// The consolidation planner on seeded random pools of small-lot consignments into 20′ containers: containers used
/// against First Fit Decreasing and the lower bound, fill, split consignments and runtime per pool.
/// </summary>
internal static class PlannerBenchmark
{
    public static int Run(int consignments, int pools, TimeSpan timeLimit)
    {
        var planner = new ConsolidationPlanner(PlannerOptions.Default with { TimeLimit = timeLimit });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Consolidation planner: {pools} seeded pools × {consignments} consignments (1–6 cartons each) into {PlanningInstances.TwentyFoot.Code}; time limit {timeLimit.TotalSeconds:0.#} s; {Environment.ProcessorCount} CPUs, load {Report.LoadAverage()}"));
        Console.WriteLine($"{"Seed",6} {"Cartons",8} {"Planner",8} {"FFD",6} {"Bound",6} {"Over bound",11} {"Vol fill",9} {"Wt fill",8} {"Split",6} {"Runtime",9}  Method");

        var worseThanFfd = 0;
        var overBound = new List<double>();
        var total = Stopwatch.StartNew();
        for (var seed = 1; seed <= pools; seed++)
        {
            var pool = PlanningInstances.RandomPool(seed * 7_919, consignments);
            var plan = planner.Plan(pool, PlanningInstances.TwentyFoot);
            var q = plan.Quality;
            var over = (q.Containers - q.LowerBound) / (double)q.LowerBound;
            overBound.Add(over);
            worseThanFfd += q.Containers > q.FirstFitDecreasing ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{seed,6} {pool.Sum(c => c.Cartons.Count),8} {q.Containers,8} {q.FirstFitDecreasing,6} {q.LowerBound,6} {over,10:P2} {q.VolumeFill,9:P1} {q.WeightFill,8:P1} {q.SplitConsignments,6} {q.Runtime.TotalMilliseconds,7:0} ms  {q.Method}"));
        }

        var mean = overBound.Average();
        var pass = worseThanFfd == 0 && mean <= 0.05;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Mean over the lower bound {mean:P2} (target ≤ 5 %); pools worse than FFD {worseThanFfd} (target 0); total {total.Elapsed.TotalSeconds:0.0} s   {(pass ? "PASS" : "FAIL")}"));
        return pass ? 0 : 1;
    }
}
