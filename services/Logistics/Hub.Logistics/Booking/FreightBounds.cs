using Hub.Contracts.Values;
using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Lanes;
using Hub.ServiceDefaults.Validation;

namespace Hub.Logistics.Booking;

/// <summary>
/// What one consignment may come to: a shared-space price of at most <see cref="Money.MaxAmountMinorUnits"/>, the
/// bound of every amount of the platform, and a chargeable weight its column keeps. Cartons beyond either are more
/// than one shipment may carry or cost, and are refused naming <c>cartons</c> rather than priced or booked.
/// </summary>
internal static class FreightBounds
{
    /// <summary>The chargeable weight a consignment stores (kilograms or revenue tons, to the gram or litre).</summary>
    public static NumericColumn ChargeableWeight { get; } = new(14, 3);

    /// <summary>The shared-space price of <paramref name="cartons"/> on <paramref name="lane"/>, or null with the reason in <paramref name="errors"/>.</summary>
    /// <param name="lane">The lane in force.</param>
    /// <param name="cartons">The cartons as parsed.</param>
    /// <param name="errors">Field errors, keyed by field.</param>
    public static (decimal Chargeable, Money Price)? Price(Lane lane, IReadOnlyList<Carton> cartons, Dictionary<string, string[]> errors)
    {
        var chargeable = lane.ChargeableWeight(cartons);
        var price = lane.SharedSpacePrice(chargeable);
        var largest = Money.FromMinorUnits(Money.MaxAmountMinorUnits, price.Currency);
        if (price.Amount > largest.Amount)
        {
            errors["cartons"] = [$"The cartons would cost {price.Amount} {price.Currency.Code} on lane {lane.Code}, more than one shipment may cost (at most {largest.Amount}); split them."];
            return null;
        }

        if (!ChargeableWeight.Fits(chargeable))
        {
            errors["cartons"] = [$"The cartons come to a chargeable weight of {chargeable} {Domain.Freight.ChargeableWeight.UnitOf(lane.Mode)}, more than one shipment may carry; split them."];
            return null;
        }

        return (chargeable, price);
    }
}
