using Hub.Contracts.Payment;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Domain.Disputes;

/// <summary>
/// A buyer's dispute of an order whose funds are held, or were released within the protection window: negotiation
/// first, escalation to the platform once the negotiation period has run, then an operator's decision. One per order.
/// </summary>
internal sealed class Dispute
{
    private Dispute()
    {
    }

    public string OrderId { get; private set; } = "";

    public string BuyerCompany { get; private set; } = "";

    public string SupplierCompany { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public DisputeStatus Status { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime NegotiationEndsAt { get; private set; }

    public DateTime? EscalatedAt { get; private set; }

    /// <summary>The most characters of <see cref="EscalatedBy"/> and <see cref="DecidedBy"/>.</summary>
    public const int MaxByLength = 200;

    public string? EscalatedBy { get; private set; }

    public DisputeDecision? Decision { get; private set; }

    public decimal? RefundedAmount { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    /// <summary>Why it was resolved without an operator's decision (the escrow was refunded in full meanwhile).</summary>
    public string? Resolution { get; private set; }

    /// <exception cref="PaymentException">No reason given, or a reason over 1,000 characters.</exception>
    public static Dispute Open(Escrow escrow, string reason, DateTime now, TimeSpan negotiation)
    {
        ArgumentNullException.ThrowIfNull(escrow);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1_000)
        {
            throw PaymentException.Invalid(nameof(reason), "A dispute needs a reason of 1 to 1,000 characters.");
        }

        return new Dispute
        {
            OrderId = escrow.OrderId,
            BuyerCompany = escrow.BuyerCompany,
            SupplierCompany = escrow.SupplierCompany,
            Reason = reason.Trim(),
            Status = DisputeStatus.Negotiating,
            OpenedAt = now,
            NegotiationEndsAt = now + negotiation,
        };
    }

    /// <summary>
    /// Hands the dispute to the operators. Escalating an escalated dispute changes nothing (a retried request finds its
    /// own escalation), so who escalated and when stay those of the first.
    /// </summary>
    /// <exception cref="PaymentException">Resolved, the negotiation period has not run yet, or <paramref name="by"/> is over <see cref="MaxByLength"/> characters.</exception>
    public void Escalate(string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Length > MaxByLength)
        {
            throw PaymentException.Invalid("escalatedBy", $"Who escalates is named in at most {MaxByLength} characters (was {by.Length}).");
        }

        if (Status == DisputeStatus.Escalated)
        {
            return;
        }

        if (Status != DisputeStatus.Negotiating)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "dispute-" + Status.ToString().ToLowerInvariant(), $"The dispute of order {OrderId} is {Status.ToString().ToLowerInvariant()}.");
        }

        if (now < NegotiationEndsAt)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "negotiation-open", $"Buyer and supplier negotiate until {NegotiationEndsAt:O}; the dispute can be escalated after that.");
        }

        Status = DisputeStatus.Escalated;
        EscalatedAt = now;
        EscalatedBy = by;
    }

    /// <exception cref="PaymentException">Not escalated.</exception>
    public void Resolve(DisputeDecision decision, decimal refunded, string by, DateTime now)
    {
        if (Status != DisputeStatus.Escalated)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "dispute-not-escalated", $"The dispute of order {OrderId} is {Status.ToString().ToLowerInvariant()}; operators decide escalated disputes.");
        }

        Status = DisputeStatus.Resolved;
        Decision = decision;
        RefundedAmount = refunded;
        DecidedBy = by;
        ResolvedAt = now;
    }

    /// <summary>
    /// Resolves an open dispute as refunded when its escrow went back to the buyer in full without a decision (the order
    /// was cancelled or failed), with who refunded and why. A resolved dispute stays as it was.
    /// </summary>
    public void CloseByRefund(decimal refunded, string by, string why, DateTime now)
    {
        if (Status == DisputeStatus.Resolved)
        {
            return;
        }

        Status = DisputeStatus.Resolved;
        Decision = DisputeDecision.Refund;
        RefundedAmount = refunded;
        DecidedBy = by;
        ResolvedAt = now;
        Resolution = why;
    }
}
