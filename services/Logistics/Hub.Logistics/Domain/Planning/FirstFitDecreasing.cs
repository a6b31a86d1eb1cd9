namespace Hub.Logistics.Domain.Planning;

/// <summary>The baseline: items largest first, each into the first container it fits (≤ 11/9·OPT + 6/9 in one dimension).</summary>
internal static class FirstFitDecreasing
{
    public static List<Bin> Pack(PackingProblem problem)
    {
        var bins = new List<Bin>();
        foreach (var item in problem.Decreasing())
        {
            var bin = bins.Find(b => problem.Fits(b, item));
            if (bin is null)
            {
                bin = new Bin();
                bins.Add(bin);
            }

            bin.Add(item, problem.Loads[item]);
        }

        return bins;
    }
}
