using Grpc.Core;
using Hub.Payment.Application;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Escrows;
using Hub.Payment.V1;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Probes;

namespace Hub.Payment.Grpc;

/// <summary>Payment commands for the hub's other services (Order, TaxRefund); internal to the hub, no token.</summary>
internal sealed class PaymentGrpcService(MessagingProbeRunner probes, QuoteDesk quotes, EscrowDesk escrows, PayoutDesk payouts, DisputeDesk disputes) : V1.Payment.PaymentBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);

    public override Task<FxQuote> QuoteFx(QuoteFxRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var buyer = Input.Company("buyerCompany", request.BuyerCompany);
        var pay = Input.Currency("payCurrency", request.PayCurrency);
        var settlement = request.Settlement.FromGrpc("settlement");
        var (quote, current) = await quotes.QuoteAsync(buyer, pay, settlement, context.CancellationToken);
        return new FxQuote
        {
            QuoteId = quote.Id.ToString(),
            BuyerCompany = quote.BuyerCompany,
            Pay = quote.Pay.ToGrpc(),
            Settlement = quote.Settlement.ToGrpc(),
            Rate = GrpcMoney.Rate(quote.Rate),
            MarketRate = GrpcMoney.Rate(quote.MarketRate),
            MarginBps = quote.MarginBps,
            ExpiresAt = Timestamps.Utc(quote.ExpiresAt),
            ShipWithinDays = current.ShipWithinDays,
            ProtectionDays = current.ProtectionDays,
        };
    });

    public override Task<SecureFundsReply> SecureFunds(SecureFundsRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var command = new SecureCommand(
            Input.Order("orderId", request.OrderId),
            Input.Company("buyerCompany", request.BuyerCompany),
            Input.Company("supplierCompany", request.SupplierCompany),
            request.Amount.FromGrpc("amount"),
            Input.Id("quoteId", request.QuoteId),
            Input.Name("supplierName", request.SupplierName));
        var outcome = await escrows.SecureAsync(command, context.CancellationToken);
        return new SecureFundsReply
        {
            OrderId = outcome.Escrow.OrderId,
            PostingId = outcome.PostingId.ToString(),
            Amount = outcome.Escrow.Paid.ToGrpc(),
            Settlement = outcome.Escrow.Settlement.ToGrpc(),
            Replayed = outcome.Replayed,
        };
    });

    public override Task<ReleaseReply> Release(ReleaseRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var order = Input.Order("orderId", request.OrderId);
        var outcome = await escrows.ReleaseAsync(order, automatic: false, context.CancellationToken);
        return outcome.Held
            ? throw new PaymentException(PaymentErrorKind.Refused, EscrowDesk.PayeeHeldReason,
                $"The release of order {order} is held: its payee matched the hub's denied-party list, and the hub's operators review it.")
            : ToReply(outcome.Escrow, outcome.Replayed);
    });

    public override Task<RefundReply> Refund(RefundRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var order = Input.Order("orderId", request.OrderId);
        var key = Input.Key("idempotencyKey", request.IdempotencyKey);
        var amount = request.Amount is null ? (Contracts.Values.Money?)null : request.Amount.FromGrpc("amount");
        var outcome = await escrows.RefundAsync(order, key, amount, context.CancellationToken);
        return new RefundReply
        {
            OrderId = outcome.Escrow.OrderId,
            Refunded = outcome.Refunded.ToGrpc(),
            TotalRefunded = outcome.Escrow.Refunded.ToGrpc(),
            Remaining = outcome.Escrow.Remaining.ToGrpc(),
            Replayed = outcome.Replayed,
        };
    });

    public override Task<PayoutReply> Payout(PayoutRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var reference = Input.Key("reference", request.Reference);
        var payee = Input.Company("payeeCompany", request.PayeeCompany);
        var (payout, replayed) = await payouts.PayAsync(reference, payee, request.Amount.FromGrpc("amount"), context.CancellationToken);
        return new PayoutReply { Reference = payout.Reference, PostingId = payout.PostingId.ToString(), Replayed = replayed };
    });

    public override Task<OpenDisputeReply> OpenDispute(OpenDisputeRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var order = Input.Order("orderId", request.OrderId);
        var buyer = Input.Company("buyerCompany", request.BuyerCompany);
        var (dispute, replayed) = await disputes.OpenAsync(order, buyer.ToString(), request.Reason, context.CancellationToken);
        return new OpenDisputeReply
        {
            OrderId = dispute.OrderId,
            Status = dispute.Status.ToString(),
            NegotiationEndsAt = Timestamps.Utc(dispute.NegotiationEndsAt),
            Replayed = replayed,
        };
    });

    private static ReleaseReply ToReply(Escrow escrow, bool replayed)
    {
        var settled = new Contracts.Values.Money(escrow.SettledAmount ?? 0, escrow.Settlement.Currency);
        var fee = new Contracts.Values.Money(escrow.FeeAmount ?? 0, escrow.Settlement.Currency);
        return new ReleaseReply
        {
            OrderId = escrow.OrderId,
            Released = escrow.Remaining.ToGrpc(),
            Settled = settled.ToGrpc(),
            Fee = fee.ToGrpc(),
            PaidToSupplier = (settled - fee).ToGrpc(),
            Replayed = replayed,
        };
    }
}
