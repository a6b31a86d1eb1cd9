namespace Hub.Contracts.Payment;

/// <summary>
/// A consignment's share of a shipment's freight was charged to the payer's wallet at the payer's hub, converted into
/// the wallet's currency when the bill is in another (at the hub's rate with the platform's FX margin, as a quote
/// would). The wallet may go below zero: the goods have left, and the company then owes the hub.
/// </summary>
/// <param name="OrderId">The order the consignment carries.</param>
/// <param name="ShipmentId">The shipment whose freight bill the share is of.</param>
/// <param name="ConsignmentId">The consignment billed.</param>
/// <param name="PayerCompany">The company charged.</param>
/// <param name="ChargedMinorUnits">What the wallet was charged, in minor units of <paramref name="ChargedCurrency"/>.</param>
/// <param name="ChargedCurrency">The wallet's currency.</param>
/// <param name="BilledMinorUnits">The share as billed, in minor units of <paramref name="BilledCurrency"/>.</param>
/// <param name="BilledCurrency">The currency of the freight bill.</param>
/// <param name="ChargedAt">When the charge committed (UTC).</param>
public sealed record FreightCharged(
    string OrderId,
    Guid ShipmentId,
    string ConsignmentId,
    string PayerCompany,
    long ChargedMinorUnits,
    string ChargedCurrency,
    long BilledMinorUnits,
    string BilledCurrency,
    DateTime ChargedAt);
