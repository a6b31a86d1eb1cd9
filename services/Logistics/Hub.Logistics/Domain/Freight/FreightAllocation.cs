using Hub.Contracts.Values;

namespace Hub.Logistics.Domain.Freight;

/// <summary>Splits one shipment's freight bill over its consignments by chargeable weight, largest remainder, so the parts sum exactly.</summary>
internal static class FreightAllocation
{
    public static IReadOnlyList<Money> Allocate(Money bill, IReadOnlyList<decimal> chargeableWeights)
    {
        ArgumentNullException.ThrowIfNull(chargeableWeights);
        if (chargeableWeights.Count == 0)
        {
            throw new ArgumentException("A freight bill is allocated over at least one consignment.", nameof(chargeableWeights));
        }

        // An all-zero set of weights still has to carry the bill: share it equally.
        return chargeableWeights.All(w => w == 0)
            ? bill.Allocate(chargeableWeights.Count)
            : bill.Allocate(chargeableWeights);
    }
}
