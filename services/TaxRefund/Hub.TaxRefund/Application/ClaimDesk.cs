using Grpc.Core;
using Hub.Contracts.TaxRefund;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.TaxRefund.Application;

/// <summary>
/// Opens claims from the evidence gathered per order, files them with the schedule in force on the export date, and
/// pays approved ones through the payment service's idempotent payout (reference = the claim id).
/// </summary>
internal sealed partial class ClaimDesk(
    TaxRefundDbContext db, IOutbox outbox, ServiceIdentity identity, TimeProvider clock,
    Payment.V1.Payment.PaymentClient payments, IOptions<TaxRefundOptions> options, ILogger<ClaimDesk> logger)
{
    /// <summary>Who filed a claim the hub filed by itself.</summary>
    public const string Automatic = "automatic";

    /// <summary>The title of a refusal because the claim's amounts cannot be worked out from its invoices and rates.</summary>
    private const string AmountsTitle = "The claim's amounts cannot be worked out.";

    /// <summary>The title of a refusal because the refund is more than the platform pays out at once.</summary>
    private const string RefundTooLargeTitle = "The refund is larger than a payout can be.";

    /// <summary>The title of a refusal because the payment service refused to pay the refund.</summary>
    private const string PayoutRefusedTitle = "The payment service refused the payout.";

    /// <summary>Records a fact about an order and brings its claim up to date (the caller saves).</summary>
    public async Task RecordAsync(string orderId, Action<OrderEvidence> record, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        if (evidence is null)
        {
            evidence = new OrderEvidence(orderId);
            db.Evidence.Add(evidence);
        }

        record(evidence);
        await SyncAsync(evidence, cancellationToken);
    }

    /// <summary>Opens the order's claim once its export is cleared at this hub, or feeds it the evidence (the caller saves).</summary>
    public async Task SyncAsync(OrderEvidence evidence, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.SingleOrDefaultAsync(c => c.OrderId == evidence.OrderId, cancellationToken);
        if (claim is not null)
        {
            claim.Absorb(evidence);
            await TryAutoFileAsync(claim, cancellationToken);
            return;
        }

        if (evidence.ExportClearedAt is not { } clearedAt || evidence.ExportHub != identity.Hub.ToString())
        {
            return;
        }

        var number = await db.NextClaimNumberAsync(cancellationToken);
        claim = new RefundClaim(new ClaimId(identity.Hub, number).ToString(), evidence.OrderId, evidence.ExportHub,
            evidence.DeclarationId!, ExportCalendar.ExportDay(clearedAt, options.Value.ZoneOf(evidence.ExportHub)), clock.GetUtcNow().UtcDateTime);
        claim.Absorb(evidence);
        db.Claims.Add(claim);
        outbox.Publish(new RefundClaimOpened(claim.Id, claim.OrderId, claim.Hub, claim.SupplierCompany, claim.DeclarationId,
            claim.ExportDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), claim.OpenedAt));
        LogOpened(logger, claim.Id, claim.OrderId);
        await TryAutoFileAsync(claim, cancellationToken);
    }

    /// <summary>Files a Ready claim on the supplier's behalf when enabled; a claim that cannot be computed yet stays Ready.</summary>
    private async Task TryAutoFileAsync(RefundClaim claim, CancellationToken cancellationToken)
    {
        if (!options.Value.AutoFile || claim.State != ClaimState.Ready)
        {
            return;
        }

        try
        {
            await FileCoreAsync(claim, Automatic, cancellationToken);
        }
        catch (TaxRefundException ex)
        {
            LogNotAutoFiled(logger, claim.Id, ex.Message);
        }
    }

    /// <summary>
    /// Files a Ready claim: sums its supplier's invoices for the order at the rates in force on the export date. A Filed
    /// one is returned as is, so filing again (a retry, or after the hub filed it) answers the claim as filed.
    /// </summary>
    public async Task<RefundClaim> FileAsync(RefundClaim claim, string by, CancellationToken cancellationToken)
    {
        if (claim.State == ClaimState.Filed)
        {
            return claim;
        }

        await FileCoreAsync(claim, by, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>
    /// Takes a newly registered invoice into the order's claim (the caller saves): an Open claim waits for its evidence, a
    /// Ready one is filed when automatic filing is on, a Filed one is filed again with every invoice; a decided or
    /// withdrawn claim refuses it.
    /// </summary>
    public async Task TakeInvoiceAsync(RefundClaim claim, CancellationToken cancellationToken)
    {
        switch (claim.State)
        {
            case ClaimState.Open:
                return;
            case ClaimState.Ready:
                await TryAutoFileAsync(claim, cancellationToken);
                return;
            case ClaimState.Filed:
                var totals = await TotalsAsync(claim, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                claim.Refile(totals.Net.Currency.Code, totals.Net.Amount, totals.Refund.Amount, totals.Cost.Amount, RefundCalculator.Rule, at);
                Publish(claim, totals, claim.FiledBy!, at);
                return;
            default:
                throw TaxRefundException.Conflict($"The refund claim of order {claim.OrderId} is already {claim.State}; invoices are taken until it is decided.");
        }
    }

    private async Task FileCoreAsync(RefundClaim claim, string by, CancellationToken cancellationToken)
    {
        if (claim.State != ClaimState.Ready)
        {
            throw TaxRefundException.Conflict($"Claim {claim.Id} is {claim.State}; only a Ready claim can be filed.");
        }

        var totals = await TotalsAsync(claim, cancellationToken);
        var at = clock.GetUtcNow().UtcDateTime;
        claim.File(totals.Net.Currency.Code, totals.Net.Amount, totals.Refund.Amount, totals.Cost.Amount, RefundCalculator.Rule, by, at);
        Publish(claim, totals, by, at);
    }

    /// <summary>Sums the supplier's invoices for the order at the rates in force on the export date.</summary>
    private async Task<ClaimTotals> TotalsAsync(RefundClaim claim, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.OrderId == claim.OrderId && i.SupplierCompany == claim.SupplierCompany)
            .ToListAsync(cancellationToken);
        if (invoices.Count == 0)
        {
            throw TaxRefundException.Conflict($"No purchase invoice is registered for order {claim.OrderId}.", AmountsTitle);
        }

        var currencies = invoices.Select(i => i.Currency).Distinct().ToList();
        if (currencies.Count != 1)
        {
            throw TaxRefundException.Conflict($"The invoices of order {claim.OrderId} are in several currencies ({string.Join(", ", currencies)}).", AmountsTitle);
        }

        var currency = CurrencyCode.Parse(currencies[0]);
        var rates = await db.RefundRates.AsNoTracking().Where(r => r.Hub == claim.Hub).ToListAsync(cancellationToken);
        var totals = new ClaimTotals(Money.Zero(currency), Money.Zero(currency), Money.Zero(currency));
        foreach (var invoice in invoices)
        {
            var rate = RefundSchedule.RateFor(rates, claim.Hub, invoice.HsCode, claim.ExportDate)
                ?? throw TaxRefundException.Conflict($"No refund rate of {claim.Hub} covers HS {invoice.HsCode} on {claim.ExportDate:yyyy-MM-dd}.", AmountsTitle);
            var line = RefundCalculator.Calculate(new Money(invoice.AmountInclVat, currency), invoice.VatRate, rate.Rate);
            totals = new ClaimTotals(totals.Net + line.Net, totals.Refund + line.Refund, totals.Cost + line.Cost);
        }

        // Amounts travel as a long count of minor units; the refund and the cost are parts of the net.
        if (totals.Net.Amount > Money.FromMinorUnits(long.MaxValue, currency).Amount)
        {
            throw TaxRefundException.Conflict($"The invoices of order {claim.OrderId} sum to more than a claim can carry.", AmountsTitle);
        }

        // A refund is paid in one payout, and the payment service refuses any larger than the platform's largest amount.
        var largest = Money.FromMinorUnits(Money.MaxAmountMinorUnits, currency);
        if (totals.Refund.Amount > largest.Amount)
        {
            throw TaxRefundException.Conflict(
                $"The invoices of order {claim.OrderId} make a refund of {totals.Refund}; a refund is paid in one payout of at most {largest} ({Money.MaxAmountMinorUnits} minor units).",
                RefundTooLargeTitle);
        }

        return totals;
    }

    private void Publish(RefundClaim claim, ClaimTotals totals, string by, DateTime at) =>
        outbox.Publish(new RefundClaimFiled(claim.Id, claim.OrderId, claim.SupplierCompany!, totals.Net.ToMinorUnits(), totals.Refund.ToMinorUnits(),
            totals.Cost.ToMinorUnits(), totals.Net.Currency.Code, by, at));

    public async Task<RefundClaim> ApproveAsync(RefundClaim claim, string by, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        claim.Approve(by, at);
        outbox.Publish(new RefundApproved(claim.Id, claim.OrderId, claim.SupplierCompany!, Refund(claim).ToMinorUnits(), claim.Currency!, at));
        await db.SaveChangesAsync(cancellationToken);
        return await PayAsync(claim, cancellationToken);
    }

    public async Task<RefundClaim> RejectAsync(RefundClaim claim, string reason, string by, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        claim.Reject(reason, by, at);
        outbox.Publish(new RefundRejected(claim.Id, claim.OrderId, claim.SupplierCompany!, claim.RejectionReason!, at));
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>
    /// Pays an Approved claim (a Paid one is returned as is). The payout is idempotent on the claim id, so a retry after
    /// a failure or a race pays once; when the payment service is unreachable the claim stays Approved for a retry.
    /// </summary>
    /// <exception cref="TaxRefundException">The payment service refused the payout (a retry as it stands changes nothing); the claim stays Approved.</exception>
    public async Task<RefundClaim> PayAsync(RefundClaim claim, CancellationToken cancellationToken)
    {
        if (claim.State == ClaimState.Paid)
        {
            return claim;
        }

        if (claim.State != ClaimState.Approved)
        {
            throw TaxRefundException.Conflict($"Claim {claim.Id} is {claim.State}; only an Approved claim can be paid.");
        }

        var amount = Refund(claim);
        Payment.V1.PayoutReply reply;
        try
        {
            reply = await payments.PayoutAsync(new Payment.V1.PayoutRequest
            {
                Reference = claim.Id,
                PayeeCompany = claim.SupplierCompany,
                Amount = new Payment.V1.Money { MinorUnits = amount.ToMinorUnits(), Currency = amount.Currency.Code },
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (GrpcResilience.IsRefusal(ex.StatusCode))
        {
            LogPayoutRefused(logger, claim.Id, ex.StatusCode, ex.Status.Detail);
            throw TaxRefundException.Conflict(
                $"The payment service refused to pay claim {claim.Id} ({amount}): {ex.Status.Detail.TrimEnd('.')}. The claim stays Approved; pay it once the payment service would accept it.",
                PayoutRefusedTitle);
        }
        catch (Exception ex) when (ex is RpcException or Polly.ExecutionRejectedException)
        {
            LogPayoutFailed(logger, ex, claim.Id);
            return claim;
        }

        var at = clock.GetUtcNow().UtcDateTime;
        claim.MarkPaid(reply.PostingId, at);
        outbox.Publish(new RefundPaid(claim.Id, claim.OrderId, claim.SupplierCompany!, amount.ToMinorUnits(), amount.Currency.Code, reply.PostingId, at));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else recorded the (same, idempotent) payout first.
            db.ChangeTracker.Clear();
            return await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id, cancellationToken);
        }

        return claim;
    }

    private static Money Refund(RefundClaim claim) =>
        new Money(claim.RefundAmount ?? 0m, CurrencyCode.Parse(claim.Currency!)).Round(RefundCalculator.Rounding);

    /// <summary>A claim's sums, all in one currency.</summary>
    private sealed record ClaimTotals(Money Net, Money Refund, Money Cost);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund claim {Claim} opened for order {Order}")]
    private static partial void LogOpened(ILogger logger, string claim, string order);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund claim {Claim} is ready but was not filed automatically: {Reason}")]
    private static partial void LogNotAutoFiled(ILogger logger, string claim, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment service refused the payout of refund claim {Claim} ({Status}: {Detail}); it stays Approved")]
    private static partial void LogPayoutRefused(ILogger logger, string claim, StatusCode status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payout of refund claim {Claim} failed; it stays Approved for a retry")]
    private static partial void LogPayoutFailed(ILogger logger, Exception exception, string claim);
}
