namespace Hub.Contracts.Payment;

/// <summary>
/// The buyer's funds for an order moved from the buyer's wallet into the order's escrow account at a locked FX quote.
/// Amounts are integer minor units of the named ISO 4217 currency (KRW 1,350,000 → 1350000; USD 12.34 → 1234).
/// </summary>
/// <param name="OrderId">The order the escrow belongs to, e.g. <c>KR-O-000123</c>.</param>
/// <param name="BuyerCompany">The paying company, e.g. <c>CN-C-000001</c>.</param>
/// <param name="SupplierCompany">The company the escrow will pay on release.</param>
/// <param name="AmountMinorUnits">What the buyer paid into escrow, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The buyer's (pay) currency.</param>
/// <param name="SettlementMinorUnits">What the supplier is owed on release, in minor units of <paramref name="SettlementCurrency"/>.</param>
/// <param name="SettlementCurrency">The supplier's (settlement) currency.</param>
/// <param name="QuoteId">The locked FX quote the payment used.</param>
/// <param name="PostingId">The ledger posting that moved the funds.</param>
/// <param name="SecuredAt">When the posting committed (UTC).</param>
/// <param name="ShipBy">
/// When the goods are promised to depart under the payment terms' on-time shipment promise (a later departure earns the
/// buyer a compensation); null when no promise was made.
/// </param>
public sealed record PaymentSecured(
    string OrderId,
    string BuyerCompany,
    string SupplierCompany,
    long AmountMinorUnits,
    string Currency,
    long SettlementMinorUnits,
    string SettlementCurrency,
    Guid QuoteId,
    Guid PostingId,
    DateTime SecuredAt,
    DateTime? ShipBy = null);
