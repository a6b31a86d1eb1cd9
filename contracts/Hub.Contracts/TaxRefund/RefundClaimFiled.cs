namespace Hub.Contracts.TaxRefund;

/// <summary>
/// A refund claim was filed with its amounts, or filed again with an invoice registered before its decision (the latest
/// event's amounts hold). Amounts are integer minor units of <paramref name="Currency"/>, each rounded half away from zero
/// per invoice line and summed.
/// </summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="OrderId">The exported order.</param>
/// <param name="SupplierCompany">The supplier claiming.</param>
/// <param name="PurchaseNetMinorUnits">The VAT-exclusive purchase value claimed on.</param>
/// <param name="RefundMinorUnits">The refund claimed.</param>
/// <param name="CostMinorUnits">The non-refundable VAT (levy rate − refund rate) × net, a cost to the supplier.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="FiledBy">Who filed: a user subject, or <c>automatic</c> when the hub filed it itself once the evidence was complete.</param>
/// <param name="FiledAt">When it was filed (UTC).</param>
public sealed record RefundClaimFiled(
    string ClaimId,
    string OrderId,
    string SupplierCompany,
    long PurchaseNetMinorUnits,
    long RefundMinorUnits,
    long CostMinorUnits,
    string Currency,
    string FiledBy,
    DateTime FiledAt);
