namespace Hub.Contracts.Payment;

/// <summary>
/// An order's goods departed after the date its payment terms promised: the buyer was paid back part of what it paid,
/// out of the escrow (the supplier bears it, and the release settles the rest). Amounts are integer minor units of
/// <c>Currency</c>.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="BuyerCompany">The company paid back.</param>
/// <param name="ShipBy">When the goods were promised to depart (UTC).</param>
/// <param name="DepartedAt">When they first departed (UTC).</param>
/// <param name="DaysLate">Whole days late, a part of a day counting as one.</param>
/// <param name="CompensationMinorUnits">What the buyer was paid back.</param>
/// <param name="Currency">The currency the buyer paid in, ISO 4217.</param>
/// <param name="CompensatedAt">When the refund committed (UTC).</param>
public sealed record LateShipmentCompensated(
    string OrderId,
    string BuyerCompany,
    DateTime ShipBy,
    DateTime DepartedAt,
    int DaysLate,
    long CompensationMinorUnits,
    string Currency,
    DateTime CompensatedAt);
