using System.Numerics;

namespace Hub.Contracts.Values;

/// <summary>Largest-remainder allocation of a rounded <see cref="Money"/> amount.</summary>
/// <remarks>
/// Works on whole minor units and integer weights in <see cref="BigInteger"/>, so shares and remainders are exact:
/// with decimal division a remainder of 0.9999… could round to a whole unit and break the "parts add up" guarantee.
/// </remarks>
internal static class MoneyAllocation
{
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var integerWeights = ToIntegerWeights(weights);
        var weightSum = integerWeights.Aggregate(BigInteger.Zero, (sum, weight) => sum + weight);
        if (weightSum.IsZero)
        {
            throw new ArgumentException("At least one allocation weight must be greater than zero.", nameof(weights));
        }

        var digits = total.Currency.MinorUnits;
        var totalUnits = new BigInteger(Math.Abs(total.Amount) * PowerOfTen(digits));
        var units = new BigInteger[integerWeights.Length];
        var remainders = new BigInteger[integerWeights.Length];
        var leftover = totalUnits;
        for (var i = 0; i < integerWeights.Length; i++)
        {
            units[i] = BigInteger.DivRem(totalUnits * integerWeights[i], weightSum, out remainders[i]);
            leftover -= units[i];
        }

        // Leftover is below the number of shares; OrderBy is stable, so equal remainders keep index order.
        foreach (var i in Enumerable.Range(0, units.Length).OrderByDescending(i => remainders[i]).Take((int)leftover))
        {
            units[i]++;
        }

        var sign = total.Amount < 0 ? -1m : 1m;
        var minorUnit = Money.OneMinorUnit(digits);
        return units.Select(u => new Money(sign * (decimal)u * minorUnit, total.Currency)).ToArray();
    }

    // Brings every weight to the largest scale among them, turning 12.5 and 40 into 125 and 400.
    private static BigInteger[] ToIntegerWeights(IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("Allocation needs at least one weight.", nameof(weights));
        }

        var scale = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0)
            {
                throw new ArgumentException($"Allocation weight {weights[i]} at index {i} is negative; weights must be zero or more.", nameof(weights));
            }

            scale = Math.Max(scale, weights[i].Scale);
        }

        return weights.Select(w => new BigInteger(w * PowerOfTen(w.Scale)) * BigInteger.Pow(10, scale - w.Scale)).ToArray();
    }

    private static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
