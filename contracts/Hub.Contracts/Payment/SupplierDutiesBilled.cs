using Hub.Contracts.Platform;

namespace Hub.Contracts.Payment;

/// <summary>
/// The buyer's hub charged the duties and taxes of an import whose importer of record is the supplier (DDP), and the
/// order's escrow could not bear them (refunded in part meanwhile): the hub paid them for the supplier and bills them
/// to the supplier's hub, which charges the supplier's wallet there against what the buyer's hub is now owed. Amounts
/// are integer minor units of the named currency (the importing hub's).
/// </summary>
/// <param name="OrderId">The order, e.g. <c>CN-O-000123</c>.</param>
/// <param name="DeclarationId">The import declaration that assessed them.</param>
/// <param name="SupplierCompany">The company charged, e.g. <c>KR-C-000002</c>.</param>
/// <param name="AmountMinorUnits">The duties and taxes, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The importing hub's currency.</param>
/// <param name="FromHub">The buyer's hub, which paid them and is owed them.</param>
/// <param name="PostingId">The buyer's hub's posting that charged the supplier's hub's account.</param>
/// <param name="BilledAt">When the charge committed (UTC).</param>
[CrossesHubs]
public sealed record SupplierDutiesBilled(
    string OrderId,
    string DeclarationId,
    string SupplierCompany,
    long AmountMinorUnits,
    string Currency,
    string FromHub,
    Guid PostingId,
    DateTime BilledAt);
