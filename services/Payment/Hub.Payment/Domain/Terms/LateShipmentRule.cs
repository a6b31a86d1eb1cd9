using Hub.Contracts.Values;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Domain.Terms;

/// <summary>
/// The on-time shipment promise of the hub's terms: the goods of an order depart within <see cref="ShipWithinDays"/> of
/// its funds being secured, or the buyer is compensated <see cref="BpsPerDay"/> of what it paid for each day late (a
/// part of a day counting as one), at most <see cref="CapBps"/>, out of the escrow (the supplier bears it).
/// </summary>
internal sealed record LateShipmentRule(int ShipWithinDays, int BpsPerDay, int CapBps)
{
    /// <exception cref="PaymentException">A value outside its range, with the field at fault.</exception>
    public static LateShipmentRule Of(int shipWithinDays, int bpsPerDay, int capBps)
    {
        PaymentTerms.Within(shipWithinDays, 1, 365, "shipWithinDays", "Goods are promised to depart within 1 to 365 days");
        PaymentTerms.Within(bpsPerDay, 0, 1_000, "lateShipmentBpsPerDay", "Late shipment earns 0 to 1,000 basis points a day");
        PaymentTerms.Within(capBps, 0, 5_000, "lateShipmentCapBps", "Late shipment earns at most 0 to 5,000 basis points");
        return new LateShipmentRule(shipWithinDays, bpsPerDay, capBps);
    }

    /// <summary>Whole days (a part of one counting as one) the departure came after <paramref name="shipBy"/>; 0 when on time.</summary>
    public static int DaysLate(DateTime shipBy, DateTime departedAt) =>
        departedAt <= shipBy ? 0 : (int)Math.Min(Math.Ceiling((departedAt - shipBy).TotalDays), int.MaxValue);

    /// <summary>
    /// What the buyer is owed for <paramref name="daysLate"/> days on <paramref name="paid"/>: the days' basis points,
    /// at most the cap, rounded down to the currency's minor unit.
    /// </summary>
    public static Money Compensation(Money paid, int daysLate, int bpsPerDay, int capBps)
    {
        var bps = Math.Min((long)Math.Max(daysLate, 0) * bpsPerDay, capBps);
        return new Money(paid.Amount * bps / FeeSplit.BasisPoints, paid.Currency).Round(MoneyRounding.Down);
    }
}
