using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Disputes;
using Hub.Payment.Domain.Escrows;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>
/// Secures, releases and refunds an order's funds. Each command runs in one transaction that first locks the row the
/// command turns on (the quote and the buyer's wallet; the escrow), so concurrent commands serialize, and a repeated
/// command finds its own earlier result and posts nothing.
/// </summary>
internal sealed class EscrowDesk(
    PaymentDbContext db, Ledger ledger, TermsBook terms, IPayeeScreening screening, IOutbox outbox, ServiceIdentity identity, TimeProvider clock)
{
    public async Task<EscrowOutcome> SecureAsync(SecureCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await db.RunAsync(() => SecureOnceAsync(command, cancellationToken), cancellationToken);
        }
        catch (PaymentException ex) when (ex.Failure is { } reason)
        {
            outbox.Publish(new PaymentFailed(command.Order.ToString(), command.Buyer.ToString(), reason, ex.Message, Now));
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Releases the escrow to the supplier once its payee passed the denied-party screening; a hit holds the release
    /// (the outcome's escrow says <see cref="Escrow.PayeeHeld"/>) until the operators decide (<see cref="DecidePayeeAsync"/>).
    /// </summary>
    public async Task<EscrowOutcome> ReleaseAsync(OrderId order, bool automatic, CancellationToken cancellationToken)
    {
        var payee = await ScreenPayeeAsync(order, cancellationToken);
        return await db.RunAsync(() => ReleaseWithinAsync(order, automatic, payee, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The payee's screening an escrow needs before its release, asked of customs outside any transaction; null when
    /// it needs none (no escrow, released or refunded, on hold, or cleared by the operators).
    /// </summary>
    internal async Task<PayeeScreening?> ScreenPayeeAsync(OrderId order, CancellationToken cancellationToken)
    {
        var id = order.ToString();
        var escrow = await db.Escrows.AsNoTracking().SingleOrDefaultAsync(e => e.OrderId == id, cancellationToken);
        return escrow is { NeedsPayeeScreening: true } ? await screening.ScreenAsync(escrow.Payee, cancellationToken) : null;
    }

    /// <summary>
    /// The operators decide a payee the screening held: <see cref="PayeeDecision.Release"/> releases the escrow to the
    /// supplier as usual; <see cref="PayeeDecision.Refund"/> gives what remains back to the buyer and releases nothing.
    /// The same decision again answers the escrow as it is.
    /// </summary>
    public Task<Escrow> DecidePayeeAsync(OrderId order, PayeeDecision decision, string note, string decidedBy, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            var id = order.ToString();
            var escrow = await LockEscrowAsync(id, cancellationToken);
            if (!escrow.DecidePayee(decision, decidedBy, note, Now))
            {
                return escrow;
            }

            if (decision == PayeeDecision.Release)
            {
                await ReleaseWithinAsync(order, automatic: false, payee: null, cancellationToken);
                return escrow;
            }

            var refund = await RefundWithinAsync(order, PayeeRefusedRefundKey, null, cancellationToken);
            outbox.Publish(new EscrowReleaseRefused(id, escrow.SupplierCompany, refund.Refunded.ToMinorUnits(), refund.Refunded.Currency.Code, decidedBy, note, Now));
            await db.SaveChangesAsync(cancellationToken);
            return escrow;
        }, cancellationToken);

    /// <summary>Escrows whose release waits for the operators' decision on the payee, oldest hold first.</summary>
    public Task<List<Escrow>> HeldForPayeeAsync(int max, CancellationToken cancellationToken) =>
        db.Escrows.AsNoTracking()
            .Where(Escrow.PayeeHeldRule)
            .OrderBy(e => e.PayeeHeldAt).Take(max)
            .ToListAsync(cancellationToken);

    /// <summary>Payment's reason for refusing a release whose payee is on hold for the operators' review.</summary>
    public const string PayeeHeldReason = "payee-held";

    /// <summary>The refund key of what goes back to the buyer when the operators confirm a payee's match.</summary>
    public const string PayeeRefusedRefundKey = "payee-refused";

    /// <summary>Refunds <c>amount</c>, or everything that remains when it is null.</summary>
    public Task<RefundOutcome> RefundAsync(OrderId order, string refundKey, Money? amount, CancellationToken cancellationToken) =>
        db.RunAsync(() => RefundWithinAsync(order, refundKey, amount, cancellationToken), cancellationToken);

    /// <summary>The order's goods were delivered: its escrow's confirmation period starts (see <see cref="Escrow.StartReleaseClock"/>).</summary>
    /// <param name="order">The delivered order.</param>
    /// <param name="confirmBy">When the order confirms receipt on the buyer's behalf.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task StartReleaseClockAsync(string order, DateTime confirmBy, CancellationToken cancellationToken)
    {
        var escrow = await FindLockedAsync(order, cancellationToken);
        if (escrow?.StartReleaseClock(confirmBy, Now) == true)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The refund key of a late departure's compensation: one per order.</summary>
    public const string LateShipmentRefundKey = "late-shipment";

    /// <summary>
    /// The order's goods departed (see <see cref="Escrow.RecordDeparture"/>): a departure after the promised date pays the
    /// buyer its compensation back out of the escrow, inside the caller's transaction (the consumer's inbox). Nothing for
    /// an order this hub holds no funds of, nor for a later departure.
    /// </summary>
    public async Task RecordDepartureAsync(string order, DateTime departedAt, CancellationToken cancellationToken)
    {
        var escrow = await FindLockedAsync(order, cancellationToken);
        if (escrow?.RecordDeparture(departedAt) is not { } departure)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (departure.Compensation.Amount == 0)
        {
            return;
        }

        var refund = await RefundWithinAsync(OrderId.Parse(order), LateShipmentRefundKey, departure.Compensation, cancellationToken);
        outbox.Publish(new LateShipmentCompensated(order, escrow.BuyerCompany, escrow.ShipBy!.Value, departedAt, departure.DaysLate,
            refund.Refunded.ToMinorUnits(), refund.Refunded.Currency.Code, Now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Orders whose confirmation period ran out, oldest first.</summary>
    public Task<List<string>> DueForReleaseAsync(int max, CancellationToken cancellationToken) =>
        db.Escrows.AsNoTracking()
            .Where(e => e.Status == EscrowStatus.Secured && !e.UnderDispute && e.ReleaseDueAt <= Now).Where(Escrow.PayeeNotHeldRule)
            .OrderBy(e => e.ReleaseDueAt).Select(e => e.OrderId).Take(max)
            .ToListAsync(cancellationToken);

    /// <summary>The refund key of a remainder too small to settle anything, returned to the buyer on release.</summary>
    public const string RemainderRefundKey = "release-remainder";

    /// <summary>Who refunds outside a dispute's decision: the order service, for a cancelled or failed order.</summary>
    private const string RefundedBy = "order service";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string Hub => identity.Hub.ToString();

    private static string SecureKey(string order) => $"secure:{order}";

    private async Task<EscrowOutcome> SecureOnceAsync(SecureCommand command, CancellationToken cancellationToken)
    {
        var order = command.Order.ToString();
        var quote = await db.FxQuotes.FromSql($"SELECT * FROM fx_quotes WHERE id = {command.QuoteId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
            ?? throw new PaymentException(PaymentErrorKind.NotFound, "quote-not-found", $"No quote '{command.QuoteId}'.", "quoteId", PaymentFailureReason.QuoteNotFound);

        if (await db.Escrows.SingleOrDefaultAsync(e => e.OrderId == order, cancellationToken) is { } existing)
        {
            if (!existing.HasTerms(command.Buyer, command.Supplier, command.Amount, command.QuoteId))
            {
                throw new PaymentException(PaymentErrorKind.Conflict, "order-already-secured", $"Order {order} is already secured with other terms.", "orderId");
            }

            var original = await ledger.FindPostingAsync(SecureKey(order), cancellationToken);
            return new EscrowOutcome(existing, original!.Id, Replayed: true);
        }

        quote.Use(command.Order, command.Buyer, command.Amount, Now);
        var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, command.Buyer.ToString(), command.Amount.Currency, cancellationToken);
        var escrowAccount = await ledger.AccountAsync(AccountKind.Escrow, order, command.Amount.Currency, cancellationToken);
        var current = await terms.CurrentAsync(cancellationToken);

        // Locked last: a buyer's orders secure one after another on the wallet, each holding it only to check the
        // balance and save.
        await ledger.LockAsync(wallet, cancellationToken);
        var balance = await ledger.BalanceAsync(wallet, cancellationToken);
        if (balance < command.Amount)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "insufficient-funds", $"The wallet of {command.Buyer} holds {balance}, less than {command.Amount}.", "amount", PaymentFailureReason.InsufficientFunds);
        }

        var posting = ledger.Post(SecureKey(order), $"Order {order}: buyer's funds into escrow",
            PostingEntry.Debit(wallet, command.Amount),
            PostingEntry.Credit(escrowAccount, command.Amount));

        var escrow = Escrow.Secure(command.Order, command.Buyer, command.Supplier, command.SupplierName, command.Amount, quote.Settlement, quote.Id, current.PlatformFeeBps, Now,
            current.AutoReleaseDays, current.LateShipment, current.ProtectionDays);
        db.Escrows.Add(escrow);
        outbox.Publish(new PaymentSecured(order, escrow.BuyerCompany, escrow.SupplierCompany, command.Amount.ToMinorUnits(), escrow.Currency,
            quote.Settlement.ToMinorUnits(), escrow.SettlementCurrency, quote.Id, posting.Id, Now, escrow.ShipBy));
        await db.SaveChangesAsync(cancellationToken);
        return new EscrowOutcome(escrow, posting.Id, Replayed: false);
    }

    /// <summary>
    /// The release, inside the caller's transaction (a dispute decision settles within its own), after the payee's
    /// screening <paramref name="payee"/> (<see cref="ScreenPayeeAsync"/>): a hit holds the release, saved and announced.
    /// </summary>
    internal async Task<EscrowOutcome> ReleaseWithinAsync(OrderId orderId, bool automatic, PayeeScreening? payee, CancellationToken cancellationToken)
    {
        var order = orderId.ToString();
        var escrow = await LockEscrowAsync(order, cancellationToken);
        var key = $"release:{order}";
        if (escrow.Status == EscrowStatus.Released)
        {
            var original = await ledger.FindPostingAsync(key, cancellationToken);
            return new EscrowOutcome(escrow, original!.Id, Replayed: true);
        }

        if (escrow.PayeeHeld)
        {
            return EscrowOutcome.HeldForReview(escrow);
        }

        if (escrow.NeedsPayeeScreening && payee is not null && escrow.RecordPayeeScreening(payee, Now))
        {
            outbox.Publish(new EscrowReleaseHeld(order, escrow.SupplierCompany, payee.Score, payee.ListVersion, Now));
            await db.SaveChangesAsync(cancellationToken);
            return EscrowOutcome.HeldForReview(escrow);
        }

        var released = escrow.Remaining;
        var settled = escrow.SettlementForRemaining();
        var (supplierShare, fee) = FeeSplit.Split(settled, escrow.PlatformFeeBps);
        if (supplierShare.Amount == 0)
        {
            return await ReleaseRemainderToBuyerAsync(escrow, key, automatic, cancellationToken);
        }

        escrow.Release(settled, fee, automatic, Now);

        var escrowAccount = await ledger.AccountAsync(AccountKind.Escrow, order, released.Currency, cancellationToken);
        var receivable = await ledger.AccountAsync(AccountKind.SupplierReceivable, escrow.SupplierCompany, settled.Currency, cancellationToken);
        List<PostingEntry> entries = [PostingEntry.Debit(escrowAccount, released), PostingEntry.Credit(receivable, supplierShare)];
        if (released.Currency != settled.Currency)
        {
            // The hub takes the buyer's currency into its FX position and pays the supplier's out of it.
            entries.Add(PostingEntry.Credit(await ledger.AccountAsync(AccountKind.FxPosition, Hub, released.Currency, cancellationToken), released));
            entries.Add(PostingEntry.Debit(await ledger.AccountAsync(AccountKind.FxPosition, Hub, settled.Currency, cancellationToken), settled));
        }

        if (fee.Amount != 0)
        {
            entries.Add(PostingEntry.Credit(await ledger.AccountAsync(AccountKind.PlatformFees, Hub, settled.Currency, cancellationToken), fee));
        }

        var posting = ledger.Post(key, $"Order {order}: escrow released to {escrow.SupplierCompany}" + (automatic ? " (confirmation period ran out)" : ""), [.. entries]);
        outbox.Publish(new EscrowReleased(order, escrow.SupplierCompany, released.ToMinorUnits(), released.Currency.Code,
            settled.ToMinorUnits(), fee.ToMinorUnits(), settled.Currency.Code, automatic, Now, escrow.ProtectedUntil));

        var supplierHub = CompanyId.Parse(escrow.SupplierCompany).Hub;
        if (supplierHub == identity.Hub)
        {
            var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, escrow.SupplierCompany, settled.Currency, cancellationToken);
            var payout = ledger.Post($"payout:{key}", $"Order {order}: settlement paid to {escrow.SupplierCompany}",
                PostingEntry.Debit(receivable, supplierShare),
                PostingEntry.Credit(wallet, supplierShare));
            outbox.Publish(new PayoutMade(key, escrow.SupplierCompany, supplierShare.ToMinorUnits(), supplierShare.Currency.Code, payout.Id, Now));
        }
        else
        {
            // The supplier banks with its own hub: this hub now owes that hub the share, and that hub pays the supplier.
            var partner = await ledger.AccountAsync(AccountKind.PartnerHub, supplierHub.ToString(), settled.Currency, cancellationToken);
            var transfer = ledger.Post($"payout:{key}", $"Order {order}: settlement for {escrow.SupplierCompany} owed to hub {supplierHub}",
                PostingEntry.Debit(receivable, supplierShare),
                PostingEntry.Credit(partner, supplierShare));
            outbox.PublishToHub(supplierHub, new SupplierSettlementSent(order, escrow.SupplierCompany, supplierShare.ToMinorUnits(), supplierShare.Currency.Code,
                Hub, transfer.Id, Now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EscrowOutcome(escrow, posting.Id, Replayed: false);
    }

    // After partial refunds, what remains may convert to less than the supplier's minor unit (KRW 13 of KRW 135,730
    // paid for USD 100.00): the supplier has nothing to receive, so the remainder goes back to the buyer.
    private async Task<EscrowOutcome> ReleaseRemainderToBuyerAsync(Escrow escrow, string key, bool automatic, CancellationToken cancellationToken)
    {
        var order = escrow.OrderId;
        var remainder = escrow.ReleaseRemainderToBuyer(automatic, Now);
        var escrowAccount = await ledger.AccountAsync(AccountKind.Escrow, order, remainder.Currency, cancellationToken);
        var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, escrow.BuyerCompany, remainder.Currency, cancellationToken);
        var posting = ledger.Post(key, $"Order {order}: escrow released with nothing to settle; the remainder back to {escrow.BuyerCompany}",
            PostingEntry.Debit(escrowAccount, remainder),
            PostingEntry.Credit(wallet, remainder));
        db.EscrowRefunds.Add(EscrowRefund.Record(order, RemainderRefundKey, remainder.Amount, posting.Id, Now));
        outbox.Publish(new PaymentRefunded(order, escrow.BuyerCompany, RemainderRefundKey, remainder.ToMinorUnits(), escrow.Refunded.ToMinorUnits(),
            remainder.Currency.Code, FullyRefunded: true, Now));
        outbox.Publish(new EscrowReleased(order, escrow.SupplierCompany, 0, remainder.Currency.Code, 0, 0, escrow.SettlementCurrency, automatic, Now));
        await db.SaveChangesAsync(cancellationToken);
        return new EscrowOutcome(escrow, posting.Id, Replayed: false);
    }

    /// <summary>The refund, inside the caller's transaction.</summary>
    internal async Task<RefundOutcome> RefundWithinAsync(OrderId orderId, string refundKey, Money? amount, CancellationToken cancellationToken)
    {
        var order = orderId.ToString();
        var escrow = await LockEscrowAsync(order, cancellationToken);
        if (await db.EscrowRefunds.FindAsync([order, refundKey], cancellationToken) is { } earlier)
        {
            var earlierAmount = new Money(earlier.Amount, escrow.Paid.Currency);
            if (amount is { } asked && asked != earlierAmount)
            {
                throw new PaymentException(PaymentErrorKind.Conflict, "refund-key-reused", $"Refund '{refundKey}' of order {order} was {earlierAmount}, not {asked}.", "idempotencyKey");
            }

            return new RefundOutcome(escrow, earlierAmount, Replayed: true);
        }

        var refund = amount ?? escrow.Remaining;
        if (refund.Currency != escrow.Paid.Currency)
        {
            throw PaymentException.Invalid("amount", $"Order {order} was paid in {escrow.Currency}, not {refund.Currency}.");
        }

        var disputed = escrow.UnderDispute;
        escrow.Refund(refund);
        if (disputed && escrow.Status == EscrowStatus.Refunded)
        {
            await CloseDisputeAsync(escrow, refund, refundKey, cancellationToken);
        }

        var escrowAccount = await ledger.AccountAsync(AccountKind.Escrow, order, refund.Currency, cancellationToken);
        var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, escrow.BuyerCompany, refund.Currency, cancellationToken);
        var posting = ledger.Post($"refund:{order}:{refundKey}", $"Order {order}: refund '{refundKey}' to {escrow.BuyerCompany}",
            PostingEntry.Debit(escrowAccount, refund),
            PostingEntry.Credit(wallet, refund));
        db.EscrowRefunds.Add(EscrowRefund.Record(order, refundKey, refund.Amount, posting.Id, Now));
        outbox.Publish(new PaymentRefunded(order, escrow.BuyerCompany, refundKey, refund.ToMinorUnits(), escrow.Refunded.ToMinorUnits(),
            refund.Currency.Code, escrow.Status == EscrowStatus.Refunded, Now));
        await db.SaveChangesAsync(cancellationToken);
        return new RefundOutcome(escrow, refund, Replayed: false);
    }

    /// <summary>
    /// Gives the buyer back <paramref name="refund"/> of a released escrow (a dispute decided within the protection window)
    /// inside the caller's transaction, clawed back from the supplier at the release's rate: the supplier's share of the
    /// converted amount from its wallet here (which may go below zero), or from the hub it banks with, which now owes it
    /// and charges the supplier there (<see cref="SupplierClawbackSent"/>); the platform gives back its fee on it. A repeat
    /// of the key answers as it was.
    /// </summary>
    internal async Task<RefundOutcome> ClawBackWithinAsync(OrderId orderId, string refundKey, Money refund, CancellationToken cancellationToken)
    {
        var order = orderId.ToString();
        var escrow = await LockEscrowAsync(order, cancellationToken);
        if (await db.EscrowRefunds.FindAsync([order, refundKey], cancellationToken) is { } earlier)
        {
            return new RefundOutcome(escrow, new Money(earlier.Amount, escrow.Paid.Currency), Replayed: true);
        }

        var settled = escrow.SettlementFor(refund);
        escrow.RefundAfterRelease(refund);
        var (supplierShare, fee) = FeeSplit.Split(settled, escrow.PlatformFeeBps);
        var supplierHub = CompanyId.Parse(escrow.SupplierCompany).Hub;
        List<PostingEntry> entries = [PostingEntry.Credit(await ledger.AccountAsync(AccountKind.SmeWallet, escrow.BuyerCompany, refund.Currency, cancellationToken), refund)];
        if (refund.Currency != settled.Currency)
        {
            // The hub pays the buyer's currency out of its FX position and takes the supplier's back into it.
            entries.Add(PostingEntry.Debit(await ledger.AccountAsync(AccountKind.FxPosition, Hub, refund.Currency, cancellationToken), refund));
            if (settled.Amount != 0)
            {
                entries.Add(PostingEntry.Credit(await ledger.AccountAsync(AccountKind.FxPosition, Hub, settled.Currency, cancellationToken), settled));
            }
        }

        if (fee.Amount != 0)
        {
            entries.Add(PostingEntry.Debit(await ledger.AccountAsync(AccountKind.PlatformFees, Hub, settled.Currency, cancellationToken), fee));
        }

        if (supplierShare.Amount != 0)
        {
            entries.Add(PostingEntry.Debit(await SupplierAccountAsync(escrow, settled.Currency, cancellationToken), supplierShare));
        }

        var posting = ledger.Post($"refund:{order}:{refundKey}",
            $"Order {order}: refund '{refundKey}' after the release to {escrow.BuyerCompany}, clawed back from {escrow.SupplierCompany}", [.. entries]);
        db.EscrowRefunds.Add(EscrowRefund.Record(order, refundKey, refund.Amount, posting.Id, Now));
        if (supplierHub != identity.Hub && supplierShare.Amount != 0)
        {
            outbox.PublishToHub(supplierHub, new SupplierClawbackSent(order, escrow.SupplierCompany, supplierShare.ToMinorUnits(), supplierShare.Currency.Code, Hub, posting.Id, Now));
        }

        outbox.Publish(new PaymentRefunded(order, escrow.BuyerCompany, refundKey, refund.ToMinorUnits(), escrow.Refunded.ToMinorUnits(), refund.Currency.Code, false, Now));
        await db.SaveChangesAsync(cancellationToken);
        return new RefundOutcome(escrow, refund, Replayed: false);
    }

    /// <summary>
    /// Where the escrow's supplier is charged after the release: its wallet when it banks with this hub, otherwise the
    /// account of the hub it banks with, which then charges it there.
    /// </summary>
    internal async Task<LedgerAccount> SupplierAccountAsync(Escrow escrow, CurrencyCode currency, CancellationToken cancellationToken)
    {
        var supplierHub = CompanyId.Parse(escrow.SupplierCompany).Hub;
        return supplierHub == identity.Hub
            ? await ledger.AccountAsync(AccountKind.SmeWallet, escrow.SupplierCompany, currency, cancellationToken)
            : await ledger.AccountAsync(AccountKind.PartnerHub, supplierHub.ToString(), currency, cancellationToken);
    }

    // A dispute's own decision ends the dispute before it refunds; a refund in full from elsewhere (the order was
    // cancelled or failed) leaves the buyer nothing to dispute, so it closes the dispute as refunded.
    private async Task CloseDisputeAsync(Escrow escrow, Money refund, string refundKey, CancellationToken cancellationToken)
    {
        escrow.EndDispute();
        if (await db.Disputes.FindAsync([escrow.OrderId], cancellationToken) is not { Status: not DisputeStatus.Resolved } dispute)
        {
            return;
        }

        var status = dispute.Status.ToString().ToLowerInvariant();
        dispute.CloseByRefund(refund.Amount, RefundedBy, $"Order {escrow.OrderId} was refunded in full ({refund}, refund '{refundKey}') while the dispute was {status}.", Now);
        outbox.Publish(new DisputeResolved(escrow.OrderId, DisputeDecision.Refund, refund.ToMinorUnits(), 0, refund.Currency.Code, RefundedBy, Now));
    }

    internal async Task<Escrow> LockEscrowAsync(string order, CancellationToken cancellationToken) =>
        await FindLockedAsync(order, cancellationToken) ?? throw PaymentException.NotFound("escrow", order);

    internal Task<Escrow?> FindLockedAsync(string order, CancellationToken cancellationToken) =>
        db.Escrows.FromSql($"SELECT * FROM escrows WHERE order_id = {order} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
