using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Escrows;

/// <summary>
/// Splits a settlement between the supplier and the platform fee by largest remainder, so the two parts add up to the
/// settlement exactly (KRW 1,000,001 at 250 bps → 975,001 + 25,000).
/// </summary>
internal static class FeeSplit
{
    public const int BasisPoints = 10_000;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feeBps"/> outside 0–10,000.</exception>
    public static (Money Supplier, Money Fee) Split(Money settled, int feeBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feeBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(feeBps, BasisPoints);
        var shares = settled.Allocate([BasisPoints - feeBps, feeBps]);
        return (shares[0], shares[1]);
    }
}
