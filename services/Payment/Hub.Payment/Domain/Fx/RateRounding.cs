namespace Hub.Payment.Domain.Fx;

/// <summary>
/// Rates are kept to <see cref="Decimals"/> decimal places. Derived rates (inversions, crosses) are computed exactly and
/// rounded once, each side toward the mid: the bid up, the ask down. So a derived quote never widens the spread of the
/// quotes it came from; the platform's margin is charged explicitly, never hidden in rounding.
/// (USD/KRW 1,349.50 / 1,350.50 → KRW/USD 0.00074047 / 0.00074101.) Where the exact sides lie so close together that
/// rounding toward the mid would leave bid ≥ ask, each side is rounded away from the mid instead (bid down, ask up):
/// the smallest widening the scale allows, so the rate stays usable (USD/VND 25,400 / 25,405 → VND/USD
/// 0.00003936 / 0.00003938, where toward the mid both would be 0.00003937).
/// </summary>
internal static class RateRounding
{
    public const int Decimals = 8;

    public static decimal Up(decimal rate) => decimal.Round(rate, Decimals, MidpointRounding.ToPositiveInfinity);

    public static decimal Down(decimal rate) => decimal.Round(rate, Decimals, MidpointRounding.ToNegativeInfinity);

    public static decimal Nearest(decimal rate) => decimal.Round(rate, Decimals, MidpointRounding.ToEven);

    public static bool FitsScale(decimal rate) => decimal.Round(rate, Decimals) == rate;

    /// <summary>The same value without trailing zeros (the database returns 1349.50000000 for 1349.50).</summary>
    public static decimal Normalize(decimal rate) => rate / 1.000000000000000000000000000000000m;
}
