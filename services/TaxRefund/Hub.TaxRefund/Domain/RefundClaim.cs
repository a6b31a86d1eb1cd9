using Hub.ServiceDefaults.Problems;

namespace Hub.TaxRefund.Domain;

/// <summary>
/// A supplier's export VAT refund claim for one exported order (its consignment), with its evidence checklist and its
/// guarded lifecycle. Amounts are in <see cref="Currency"/>, rounded per <see cref="RoundingRule"/>.
/// </summary>
internal sealed class RefundClaim
{
    /// <summary>The longest rejection reason kept (the column's length).</summary>
    public const int MaxReasonLength = 500;

    private RefundClaim()
    {
        Id = null!;
        OrderId = null!;
        Hub = null!;
        DeclarationId = null!;
    }

    public RefundClaim(string id, string orderId, string hub, string declarationId, DateOnly exportDate, DateTime openedAt)
    {
        Id = id;
        OrderId = orderId;
        Hub = hub;
        DeclarationId = declarationId;
        ExportDate = exportDate;
        OpenedAt = openedAt;
        State = ClaimState.Open;
    }

    public string Id { get; private set; }

    public string OrderId { get; private set; }

    public string Hub { get; private set; }

    /// <summary>
    /// The supplier claiming, known only from the order's own facts (its consignment booking or its payment), never from
    /// an invoice someone registered; null until then.
    /// </summary>
    public string? SupplierCompany { get; private set; }

    public ClaimState State { get; private set; }

    /// <summary>The exported consignment the claim is for, once logistics reported its booking.</summary>
    public string? ConsignmentId { get; private set; }

    public string DeclarationId { get; private set; }

    /// <summary>The export date of the customs declaration: it picks the refund rate.</summary>
    public DateOnly ExportDate { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? DepartedAt { get; private set; }

    public string? MasterBill { get; private set; }

    public DateTime? PaymentReceivedAt { get; private set; }

    public string? Currency { get; private set; }

    public decimal? PurchaseNet { get; private set; }

    public decimal? RefundAmount { get; private set; }

    public decimal? CostAmount { get; private set; }

    public string? RoundingRule { get; private set; }

    public DateTime? FiledAt { get; private set; }

    public string? FiledBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public string? PayoutPostingId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Takes the facts gathered for the order; becomes Ready once departure and payment are in. Returns true if it changed.</summary>
    public bool Absorb(OrderEvidence evidence)
    {
        var changed = false;
        if (SupplierCompany is null && evidence.SupplierCompany is { } supplier)
        {
            SupplierCompany = supplier;
            changed = true;
        }

        if (ConsignmentId is null && evidence.ConsignmentId is { } consignment)
        {
            ConsignmentId = consignment;
            changed = true;
        }

        if (DepartedAt is null && evidence.DepartedAt is { } departed)
        {
            DepartedAt = departed;
            MasterBill = evidence.MasterBill;
            changed = true;
        }

        if (PaymentReceivedAt is null && evidence.PaymentReceivedAt is { } paid)
        {
            PaymentReceivedAt = paid;
            changed = true;
        }

        if (State == ClaimState.Open && DepartedAt is not null && PaymentReceivedAt is not null && SupplierCompany is not null)
        {
            State = ClaimState.Ready;
            changed = true;
        }

        return changed;
    }

    public void File(string currency, decimal net, decimal refund, decimal cost, string roundingRule, string by, DateTime at)
    {
        Require(ClaimState.Ready, "file");
        SetAmounts(currency, net, refund, cost, roundingRule, at);
        FiledBy = by;
        State = ClaimState.Filed;
    }

    /// <summary>
    /// Files a Filed claim again with amounts that take a later invoice in: invoices are taken until an operator decides
    /// the claim, so none registered in time is lost. Who filed it stays the same.
    /// </summary>
    public void Refile(string currency, decimal net, decimal refund, decimal cost, string roundingRule, DateTime at)
    {
        Require(ClaimState.Filed, "be filed again");
        SetAmounts(currency, net, refund, cost, roundingRule, at);
    }

    private void SetAmounts(string currency, decimal net, decimal refund, decimal cost, string roundingRule, DateTime filedAt)
    {
        Currency = currency;
        PurchaseNet = net;
        RefundAmount = refund;
        CostAmount = cost;
        RoundingRule = roundingRule;
        FiledAt = filedAt;
    }

    public void Approve(string by, DateTime at)
    {
        Require(ClaimState.Filed, "approve");
        DecidedBy = by;
        DecidedAt = at;
        State = ClaimState.Approved;
    }

    public void Reject(string reason, string by, DateTime at)
    {
        Require(ClaimState.Filed, "reject");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw TaxRefundException.Invalid("reason", "A rejection needs a reason.");
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            throw TaxRefundException.Invalid("reason", $"A rejection reason is at most {MaxReasonLength} characters.");
        }

        RejectionReason = reason.Trim();
        DecidedBy = by;
        DecidedAt = at;
        State = ClaimState.Rejected;
    }

    /// <summary>
    /// The export declaration was withdrawn (the order was cancelled or failed before the goods left). False when the
    /// claim is already filed or decided: the authority decides those.
    /// </summary>
    public bool Withdraw(string reason, DateTime at)
    {
        if (State is not (ClaimState.Open or ClaimState.Ready))
        {
            return false;
        }

        // The reason comes from customs (or another hub's order service through it): cut to what a claim keeps.
        RejectionReason = LongText.Fit($"export declaration withdrawn: {reason}", MaxReasonLength);
        DecidedBy = "customs";
        DecidedAt = at;
        State = ClaimState.Withdrawn;
        return true;
    }

    public void MarkPaid(string postingId, DateTime at)
    {
        Require(ClaimState.Approved, "mark paid");
        PayoutPostingId = postingId;
        PaidAt = at;
        State = ClaimState.Paid;
    }

    private void Require(ClaimState state, string action)
    {
        if (State != state)
        {
            throw TaxRefundException.Conflict($"Claim {Id} is {State}; only a {state} claim can {action}.");
        }
    }
}
