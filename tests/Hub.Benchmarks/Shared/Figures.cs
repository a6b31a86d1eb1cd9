using System.Globalization;

namespace Hub.Benchmarks.Shared;

/// <summary>How every benchmark computes and prints its figures.</summary>
internal static class Figures
{
    /// <summary>The nearest-rank percentile of ascending values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Prints a figure against its target with PASS or FAIL, and returns whether it passed.</summary>
    public static bool Check(string figure, string target, bool pass, int figureWidth = 52)
    {
        Console.WriteLine($"{figure.PadRight(figureWidth)} target {target,-24} {(pass ? "PASS" : "FAIL")}");
        return pass;
    }
}
