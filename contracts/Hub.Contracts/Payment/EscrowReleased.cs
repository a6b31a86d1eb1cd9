namespace Hub.Contracts.Payment;

/// <summary>
/// An order's escrow was released to the supplier: what remained in escrow was converted at the locked quote and the
/// supplier was credited the settlement minus the platform fee. Amounts are integer minor units of the named currency.
/// </summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="SupplierCompany">The company paid.</param>
/// <param name="ReleasedMinorUnits">What left escrow, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The buyer's (pay) currency the escrow held.</param>
/// <param name="SettledMinorUnits">The converted amount before the fee, in minor units of <paramref name="SettlementCurrency"/>.</param>
/// <param name="FeeMinorUnits">The platform fee kept, in minor units of <paramref name="SettlementCurrency"/>.</param>
/// <param name="SettlementCurrency">The supplier's currency.</param>
/// <param name="Automatic">True when released because the confirmation period ran out rather than on confirmation.</param>
/// <param name="ReleasedAt">When the release committed (UTC).</param>
/// <param name="ProtectedUntil">Until when the buyer may still dispute the order (the protection window); null when it may not.</param>
public sealed record EscrowReleased(
    string OrderId,
    string SupplierCompany,
    long ReleasedMinorUnits,
    string Currency,
    long SettledMinorUnits,
    long FeeMinorUnits,
    string SettlementCurrency,
    bool Automatic,
    DateTime ReleasedAt,
    DateTime? ProtectedUntil = null);
