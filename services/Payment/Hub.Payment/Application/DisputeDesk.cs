using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Disputes;
using Hub.Payment.Domain.Escrows;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>
/// Disputes of an order's funds: the buyer opens one (freezing held funds; released ones can be disputed within the
/// escrow's protection window), either party escalates it once the negotiation period has run, an operator decides;
/// the decision's refund and release settle in the decision's transaction, a refund after the release clawed back from
/// the supplier.
/// </summary>
internal sealed class DisputeDesk(PaymentDbContext db, EscrowDesk escrows, TermsBook terms, IOutbox outbox, TimeProvider clock)
{
    private const string DisputeRefundKey = "dispute";

    /// <summary>
    /// Opens the buyer's dispute (the escrow frozen); a repeat answers the dispute still open, and one already decided is
    /// refused. Only the order's buyer
    /// (<paramref name="buyerCompany"/>, the caller's company) disputes it; others get not found.
    /// </summary>
    public Task<(Dispute Dispute, bool Replayed)> OpenAsync(OrderId order, string? buyerCompany, string? reason, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            var escrow = await escrows.LockEscrowAsync(order.ToString(), cancellationToken);
            if (buyerCompany != escrow.BuyerCompany)
            {
                throw PaymentException.NotFound("payment", order.ToString());
            }

            if (await db.Disputes.FindAsync([escrow.OrderId], cancellationToken) is { } earlier)
            {
                // One dispute per order: once decided, a dispute opened again (after a delivery, say) has nothing to
                // freeze and no decision would ever come for it.
                return earlier.Status != DisputeStatus.Resolved
                    ? (earlier, true)
                    : throw new PaymentException(PaymentErrorKind.Refused, "dispute-decided",
                        $"The dispute of order {earlier.OrderId} was already decided ({earlier.Decision}); an order is disputed once.");
            }

            var dispute = Dispute.Open(escrow, reason ?? "", Now, TimeSpan.FromDays((await terms.CurrentAsync(cancellationToken)).DisputeNegotiationDays));
            escrow.AcceptDispute(Now);
            db.Disputes.Add(dispute);
            outbox.Publish(new DisputeOpened(dispute.OrderId, dispute.BuyerCompany, dispute.SupplierCompany, dispute.Reason, dispute.OpenedAt, dispute.NegotiationEndsAt));
            await db.SaveChangesAsync(cancellationToken);
            return (dispute, false);
        }, cancellationToken);

    public Task<Dispute> EscalateAsync(OrderId order, Caller caller, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            var dispute = await VisibleAsync(order, caller, cancellationToken);
            dispute.Escalate(caller.Subject, Now);
            await db.SaveChangesAsync(cancellationToken);
            return dispute;
        }, cancellationToken);

    /// <summary>
    /// Decides an escalated dispute; <c>refund</c> is required for (and only for) a partial refund. Repeating the decision
    /// (a partial refund with the same amount) answers the dispute as decided; any other decision of a resolved dispute is
    /// a conflict.
    /// </summary>
    public async Task<Dispute> DecideAsync(OrderId order, DisputeDecision decision, Money? refund, Caller caller, CancellationToken cancellationToken)
    {
        // A decision that releases anything screens the payee first, as every release does; a hit holds the release.
        var payee = decision == DisputeDecision.Refund ? null : await escrows.ScreenPayeeAsync(order, cancellationToken);
        return await db.RunAsync(async () =>
        {
            var escrow = await escrows.LockEscrowAsync(order.ToString(), cancellationToken);
            var dispute = await db.Disputes.FindAsync([escrow.OrderId], cancellationToken) ?? throw PaymentException.NotFound("dispute", order.ToString());
            if (dispute.Status == DisputeStatus.Resolved)
            {
                return IsRepeat(dispute, decision, refund, escrow.Paid.Currency)
                    ? dispute
                    : throw new PaymentException(PaymentErrorKind.Conflict, "dispute-decided",
                        $"The dispute of order {dispute.OrderId} was already decided: {dispute.Decision}, {dispute.RefundedAmount:0.####} {escrow.Currency} refunded.", "decision");
            }

            var held = escrow.Remaining;
            var refunded = decision switch
            {
                DisputeDecision.Refund => held,
                DisputeDecision.Release => Money.Zero(held.Currency),
                DisputeDecision.PartialRefund when refund is { } part && part.Currency == held.Currency && part < held => part,
                DisputeDecision.PartialRefund => throw PaymentException.Invalid("refund", $"A partial refund needs a positive amount in {held.Currency} below the {held} held."),
                _ => throw PaymentException.Invalid("decision", $"Unknown decision '{decision}'."),
            };
            var released = escrow.Status == EscrowStatus.Released;
            if (!released && decision != DisputeDecision.Refund && escrow.SettlesNothing(held - refunded))
            {
                throw new PaymentException(PaymentErrorKind.Refused, "release-settles-nothing",
                    $"The {held - refunded} this decision leaves for the supplier of order {escrow.OrderId} converts to less than one minor unit of {escrow.SettlementCurrency}: decide a refund, or a smaller partial refund.",
                    "refund");
            }

            dispute.Resolve(decision, refunded.Amount, caller.Subject, Now);
            if (released)
            {
                // Within the protection window: what the buyer gets back, the supplier returns; nothing is held to release.
                if (refunded.Amount > 0)
                {
                    await escrows.ClawBackWithinAsync(order, DisputeRefundKey, refunded, cancellationToken);
                }
            }
            else
            {
                escrow.EndDispute();
                if (refunded.Amount > 0)
                {
                    await escrows.RefundWithinAsync(order, DisputeRefundKey, refunded, cancellationToken);
                }

                if (decision != DisputeDecision.Refund)
                {
                    await escrows.ReleaseWithinAsync(order, automatic: false, payee, cancellationToken);
                }
            }

            outbox.Publish(new DisputeResolved(dispute.OrderId, decision, refunded.ToMinorUnits(), (held - refunded).ToMinorUnits(), held.Currency.Code, caller.Subject, Now));
            await db.SaveChangesAsync(cancellationToken);
            return dispute;
        }, cancellationToken);
    }

    /// <summary>
    /// The disputes not decided yet, each with its escrow (held, or released within the protection window when it was
    /// opened): escalated ones first, then in the order they were opened; at most <paramref name="max"/>.
    /// </summary>
    public async Task<List<(Dispute Dispute, Escrow Escrow)>> UndecidedAsync(int max, CancellationToken cancellationToken) =>
        [.. (await (
                from dispute in db.Disputes.AsNoTracking()
                where dispute.Status != DisputeStatus.Resolved
                join escrow in db.Escrows.AsNoTracking() on dispute.OrderId equals escrow.OrderId
                orderby dispute.EscalatedAt == null, dispute.OpenedAt
                select new { dispute, escrow })
            .Take(max).ToListAsync(cancellationToken)).Select(d => (d.dispute, d.escrow))];

    /// <summary>The dispute if the caller is its buyer, its supplier or an operator; otherwise not found.</summary>
    public Task<Dispute> VisibleAsync(OrderId order, Caller caller, CancellationToken cancellationToken)
    {
        var company = caller.Company?.ToString();
        return FindAsync(order, d => caller.IsOperator || d.BuyerCompany == company || d.SupplierCompany == company, cancellationToken);
    }

    /// <summary>The dispute of <paramref name="order"/>, if a company of <paramref name="hub"/> is its buyer or supplier.</summary>
    /// <exception cref="PaymentException">No such dispute, or none of that hub's companies is party to it.</exception>
    public Task<Dispute> VisibleToHubAsync(OrderId order, HubId hub, CancellationToken cancellationToken) =>
        FindAsync(order, d => CompanyId.Parse(d.BuyerCompany).Hub == hub || CompanyId.Parse(d.SupplierCompany).Hub == hub, cancellationToken);

    private async Task<Dispute> FindAsync(OrderId order, Func<Dispute, bool> visible, CancellationToken cancellationToken)
    {
        var id = order.ToString();
        var dispute = await db.Disputes.SingleOrDefaultAsync(d => d.OrderId == id, cancellationToken);
        return dispute is not null && visible(dispute) ? dispute : throw PaymentException.NotFound("dispute", id);
    }

    private static bool IsRepeat(Dispute dispute, DisputeDecision decision, Money? refund, CurrencyCode paid) =>
        dispute.Decision == decision
        && (decision != DisputeDecision.PartialRefund || (refund is { } part && part.Currency == paid && part.Amount == dispute.RefundedAmount));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
