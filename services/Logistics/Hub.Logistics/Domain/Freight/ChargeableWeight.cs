using Hub.Logistics.Domain.Consignments;

namespace Hub.Logistics.Domain.Freight;

/// <summary>
/// The quantity freight is charged on. Air: kilograms, max(actual kg, L×W×H cm / volumetric divisor), the divisor
/// (6000 on our lanes) being lane data. Sea: revenue tons, max(tonnes, cubic metres).
/// Results round up to three decimals (a gram or a litre), never in the shipper's favour by more than that.
/// </summary>
internal static class ChargeableWeight
{
    public static decimal Air(decimal actualKg, decimal volumeCm3, decimal volumetricDivisor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volumetricDivisor);
        return RoundUp(Math.Max(actualKg, volumeCm3 / volumetricDivisor));
    }

    public static decimal Sea(decimal actualKg, decimal volumeCm3) => RoundUp(Math.Max(actualKg / 1_000m, volumeCm3 / 1_000_000m));

    public static decimal Of(TransportMode mode, IEnumerable<Carton> cartons, decimal volumetricDivisor)
    {
        var list = cartons.ToList();
        var kg = list.Sum(c => c.WeightKg);
        var cm3 = list.Sum(c => c.VolumeCm3);
        return mode switch
        {
            TransportMode.Air => Air(kg, cm3, volumetricDivisor),
            TransportMode.Sea => Sea(kg, cm3),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown transport mode."),
        };
    }

    /// <summary>The unit <see cref="Of"/> returns for a mode: <c>kg</c> or <c>rt</c> (revenue ton).</summary>
    public static string UnitOf(TransportMode mode) => mode == TransportMode.Air ? "kg" : "rt";

    private static decimal RoundUp(decimal value) => decimal.Round(value, 3, MidpointRounding.ToPositiveInfinity);
}
