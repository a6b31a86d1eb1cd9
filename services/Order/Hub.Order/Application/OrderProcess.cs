using Grpc.Core;
using Hub.Catalog.V1;
using Hub.Contracts.Order;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Customs.V1;
using Hub.Logistics.V1;
using Hub.Order.Domain;
using Hub.Payment.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Problems;
using Microsoft.Extensions.Options;
using PaymentClient = Hub.Payment.V1.Payment.PaymentClient;

namespace Hub.Order.Application;

/// <summary>
/// The order process manager's commands: what is asked of the other services after each step, and what is undone
/// when an order fails or is cancelled. Every command it sends is idempotent on the other side (keyed by order id),
/// so a retried step repeats nothing.
/// </summary>
internal sealed class OrderProcess(HubClients hubs, PaymentClient payment, IOutbox outbox, IOptions<OrderOptions> options, TimeProvider clock, ILogger<OrderProcess> logger)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string Self => hubs.Self.ToString();

    /// <summary>Schedules the timeout of the step the order now waits in.</summary>
    public void Schedule(TradeOrder order) =>
        order.Expect(options.Value.TimeoutFor(order.Status) is { } timeout ? Now + timeout : null);

    /// <summary>Placed: move the buyer's funds into escrow at the order's FX quote.</summary>
    public async Task SecureFundsAsync(TradeOrder order, string cause, CancellationToken cancellationToken)
    {
        // A request's step is timed when it is asked, before the fact it leads to (which may come back first).
        var asked = Now;
        try
        {
            await payment.SecureFundsAsync(new SecureFundsRequest
            {
                OrderId = order.Id,
                BuyerCompany = order.BuyerCompany,
                SupplierCompany = order.SupplierCompany,
                Amount = new Hub.Payment.V1.Money { MinorUnits = order.BuyerTotalMinor, Currency = order.BuyerCurrency },
                QuoteId = order.FxQuoteId,
                SupplierName = order.SupplierName ?? "",
            }, cancellationToken: cancellationToken);
            order.Note(asked, Self, "FundsRequested", cause, $"{Amounts.Of(order.BuyerTotalMinor, order.BuyerCurrency)} at quote {order.FxQuoteId}");
        }
        catch (RpcException ex) when (GrpcResilience.IsRefusal(ex.StatusCode))
        {
            await FailAsync(order, $"payment refused: {ex.Status.Detail}", cause, cancellationToken);
        }
    }

    /// <summary>The timeline step that records the export declaration lodged.</summary>
    public const string ExportDeclaredStep = "ExportDeclared";

    /// <summary>PaymentSecured: lodge the export declaration at the supplier's hub.</summary>
    public async Task DeclareExportAsync(TradeOrder order, string cause, CancellationToken cancellationToken)
    {
        var declaration = Declaration(order, DeclarationType.Export, await ProductsAsync(order, cancellationToken));
        var asked = Now;
        var reply = await hubs.Customs(HubId.Parse(order.SupplierHub)).DeclareAsync(declaration, cancellationToken: cancellationToken);
        order.Note(asked, order.SupplierHub, ExportDeclaredStep, cause, $"declaration {reply.DeclarationId} {reply.Status}");
        order.RetryExportAt(null);
    }

    /// <summary>
    /// PaymentSecured, its declaration asked for: if it is not lodged within <c>Order:ExportDeclarationRetry</c>, the
    /// sweeper tries again (and again after as long) until it is, or the order moves on or times out.
    /// </summary>
    public void ScheduleExportRetry(TradeOrder order) => order.RetryExportAt(Now + options.Value.ExportDeclarationRetry);

    /// <summary>
    /// ExportCleared: take the stock out for good and book the goods into the lane's consolidation, naming who its
    /// Incoterm leaves the main carriage to: the supplier's hub bills that company its share of the freight.
    /// </summary>
    public async Task BookAsync(TradeOrder order, string cause, CancellationToken cancellationToken)
    {
        var supplierHub = HubId.Parse(order.SupplierHub);
        await hubs.Catalog(supplierHub).CommitStockAsync(new OrderStockRequest { OrderId = order.Id }, cancellationToken: cancellationToken);
        var request = new BookConsignmentRequest
        {
            OrderId = order.Id,
            CompanyId = order.SupplierCompany,
            FreightPayer = IncotermCosts.FreightPaidBy(order.Incoterm) == IncotermCosts.Buyer ? order.BuyerCompany : order.SupplierCompany,
            Lane = new LaneKey { Origin = order.SupplierHub, Destination = order.BuyerHub, Mode = order.Mode },
        };
        var products = await ProductsAsync(order, cancellationToken);
        request.Cartons.AddRange(order.Lines.Zip(products, (l, p) => CartPricer.Carton(p, l.Quantity)));
        var asked = Now;
        var reply = await hubs.Logistics(supplierHub).BookConsignmentAsync(request, cancellationToken: cancellationToken);
        order.Note(asked, order.SupplierHub, "BookingRequested", cause, $"consignment {reply.ConsignmentId} {reply.Status}");
    }

    /// <summary>Departed: lodge the import declaration at the buyer's hub, under the shipment's master bill.</summary>
    public async Task DeclareImportAsync(TradeOrder order, string masterBill, string cause, CancellationToken cancellationToken)
    {
        var declaration = Declaration(order, DeclarationType.Import, await ProductsAsync(order, cancellationToken));
        declaration.Transport = new Transport { Mode = order.Mode.ToLowerInvariant(), TransportDocument = masterBill };
        var asked = Now;
        var reply = await hubs.Customs(hubs.Self).DeclareAsync(declaration, cancellationToken: cancellationToken);
        order.Note(asked, Self, "ImportDeclared", cause, $"declaration {reply.DeclarationId} {reply.Status}");
    }

    /// <summary>Delivered: ask the buyer to confirm receipt before the Delivered timeout.</summary>
    public void RequestReceipt(TradeOrder order, string cause)
    {
        Schedule(order);
        outbox.Publish(new ReceiptRequested(order.Id, order.BuyerCompany, order.DueBy ?? Now));
        order.Note(Now, Self, "ReceiptRequested", cause, order.DueBy is { } due ? $"confirmed automatically at {due:O}" : null);
    }

    /// <summary>
    /// Receipt confirmed (by the buyer or automatically): release the escrow to the supplier. An escrow the buyer
    /// disputed at payment is not released: the order becomes Disputed and waits for the operator's decision. A release
    /// that payment holds because the payee matched the denied-party list waits for the operators' decision on it
    /// (asked again each <c>ReceiptConfirmed</c> timeout); their refund ends the order as Refunded.
    /// </summary>
    public async Task ConfirmReceiptAsync(TradeOrder order, bool automatic, string cause, CancellationToken cancellationToken)
    {
        if (order.Status != OrderStatus.Delivered)
        {
            // Nothing once confirmed; refused before delivery and while disputed.
            order.ConfirmReceipt(automatic, Now, Self, cause);
            return;
        }

        var asked = Now;
        ReleaseReply? released;
        try
        {
            released = await payment.ReleaseAsync(new ReleaseRequest { OrderId = order.Id }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (Refused(ex, EscrowDisputed))
        {
            order.Dispute("the buyer disputed the escrow at payment", Now, Self, cause);
            return;
        }
        catch (RpcException ex) when (Refused(ex, PayeeHeld))
        {
            // Asked, and held: payment tells of the hold (EscrowReleaseHeld) and of the operators' refund; their release
            // completes the order as any release does.
            released = null;
        }

        order.ConfirmReceipt(automatic, asked, Self, cause);
        if (released is { Replayed: true })
        {
            // Released before: automatically after payment's days, or by a dispute's decision, while the goods were on
            // their way (its event found the order undelivered and was recorded). Nothing more will announce it.
            order.Complete(Now, Self, cause);
            Complete(order);
            return;
        }

        order.Note(asked, Self, "EscrowReleaseRequested", cause, null);
        Schedule(order);
    }

    /// <summary>
    /// Receipt confirmed, and the EscrowReleased that completes the order did not come in time: payment released the
    /// escrow when the receipt was confirmed, so the release is asked for again (payment answers the one it made) and
    /// the order completes.
    /// </summary>
    public async Task CompleteReleasedAsync(TradeOrder order, string cause, CancellationToken cancellationToken)
    {
        try
        {
            await payment.ReleaseAsync(new ReleaseRequest { OrderId = order.Id }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (Refused(ex, PayeeHeld))
        {
            // Still with the operators: asked again after another timeout.
            Schedule(order);
            return;
        }

        if (order.Complete(Now, Self, cause))
        {
            Complete(order);
        }
    }

    /// <summary>The buyer disputes the delivered order: payment freezes the escrow until an operator decides.</summary>
    /// <exception cref="OrderRuleException">The order is not delivered, or past receipt, or payment refused the dispute.</exception>
    public async Task DisputeAsync(TradeOrder order, string reason, string cause, CancellationToken cancellationToken)
    {
        if (order.Status is not (OrderStatus.Delivered or OrderStatus.Completed))
        {
            // Nothing when disputed already; refused in every other state.
            order.Dispute(reason, Now, Self, cause);
            return;
        }

        OpenDisputeReply reply;
        try
        {
            reply = await payment.OpenDisputeAsync(
                new OpenDisputeRequest { OrderId = order.Id, BuyerCompany = order.BuyerCompany, Reason = reason }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (GrpcResilience.IsRefusal(ex.StatusCode))
        {
            throw new OrderRuleException($"Payment refused the dispute of order {order.Id}: {ex.Status.Detail}");
        }

        var negotiation = $"buyer and supplier negotiate until {reply.NegotiationEndsAt.ToDateTime():O}, then either may escalate to the hub's operators";
        if (order.Status == OrderStatus.Completed)
        {
            // Within the protection window after the release: payment accepted it; the order stays Completed.
            if (order.NoteDisputeAfterRelease(reason, Now, Self, cause))
            {
                order.Note(Now, Self, "DisputedAfterRelease", cause, negotiation + "; a refund is clawed back from the supplier");
            }

            return;
        }

        order.Dispute(reason, Now, Self, cause);
        order.Note(Now, Self, "EscrowFrozen", cause, negotiation);
    }

    /// <summary>
    /// An operator decided the order's dispute. A full refund ends a disputed order as Refunded (one refunded before
    /// delivery fails, undoing what it holds); a release or partial refund is recorded, and the escrow's release that
    /// payment announces with it completes the order.
    /// </summary>
    public async Task SettleDisputeAsync(TradeOrder order, DisputeResolved decision, string cause, CancellationToken cancellationToken)
    {
        var detail = order.Status == OrderStatus.Completed
            ? $"{decision.Decision} decided by {decision.DecidedBy} after the release: {Amounts.Of(decision.RefundedMinorUnits, decision.Currency)} refunded to the buyer out of the supplier's settlement"
            : $"{decision.Decision} decided by {decision.DecidedBy}: {Amounts.Of(decision.RefundedMinorUnits, decision.Currency)} refunded to the buyer, "
                + $"{Amounts.Of(decision.ReleasedMinorUnits, decision.Currency)} released to the supplier";
        if (decision.Decision != DisputeDecision.Refund || order.IsTerminal)
        {
            order.NoteDisputeResolved(detail, decision.ResolvedAt, Self, cause);
        }
        else if (order.Status == OrderStatus.Disputed)
        {
            order.Refund(detail, decision.ResolvedAt, Self, cause);
        }
        else
        {
            await FailAsync(order, $"the buyer's dispute was decided before delivery: {detail}", cause, cancellationToken);
        }
    }

    /// <summary>
    /// The operators refused the release to a payee the denied-party screening held, and refunded the buyer: a delivered
    /// order ends as Refunded; one whose release a dispute's decision asked for before delivery fails, undoing what it
    /// holds. False when the order had ended already.
    /// </summary>
    public async Task<bool> RefuseReleaseAsync(TradeOrder order, EscrowReleaseRefused refused, string cause, CancellationToken cancellationToken)
    {
        var detail = $"the release to the payee was refused by {refused.DecidedBy} after its denied-party screening: "
            + $"{Amounts.Of(refused.RefundedMinorUnits, refused.Currency)} refunded to the buyer";
        if (order.IsTerminal)
        {
            return false;
        }

        if (order.HasReached(OrderStatus.Delivered))
        {
            return order.Refund(detail, refused.RefusedAt, Self, cause);
        }

        await FailAsync(order, detail, cause, cancellationToken);
        return true;
    }

    /// <summary>The escrow was released: the order is complete.</summary>
    public void Complete(TradeOrder order) =>
        outbox.Publish(new OrderCompleted(order.Id, order.BuyerCompany, order.SupplierCompany, Now));

    /// <summary>Fails the order, undoes what it holds, and says so.</summary>
    public async Task FailAsync(TradeOrder order, string reason, string cause, CancellationToken cancellationToken)
    {
        var failedIn = order.Status.ToString();
        var compensation = order.Fail(reason, Now, Self, cause);
        if (order.Status != OrderStatus.Failed || failedIn == nameof(OrderStatus.Failed))
        {
            return;
        }

        await CompensateAsync(order, compensation, "order-failed", cause, cancellationToken);
        outbox.Publish(new OrderFailed(order.Id, order.BuyerCompany, failedIn, reason, Now));
        OrderLog.OrderFailed(logger, order.Id, reason);
    }

    /// <summary>Cancels the order for the buyer and undoes what it holds.</summary>
    public async Task CancelAsync(TradeOrder order, string by, string cause, CancellationToken cancellationToken)
    {
        if (order.Status == OrderStatus.Cancelled)
        {
            return;
        }

        var compensation = order.Cancel(by, Now, Self, cause);
        await CompensateAsync(order, compensation, "order-cancelled", cause, cancellationToken);
        outbox.Publish(new OrderCancelled(order.Id, order.BuyerCompany, by, Now));
    }

    /// <summary>Funds secured for an order already cancelled or failed: give them back.</summary>
    public Task RefundLateFundsAsync(TradeOrder order, string cause, CancellationToken cancellationToken) =>
        CompensateAsync(order, new Compensation(ReleaseStock: false, RefundEscrow: true), "late-funds", cause, cancellationToken);

    /// <summary>A step the supplier's hub took after the order ended without it: withdrawn (see <see cref="TradeOrder.LateStepUndo"/>).</summary>
    public Task UndoLateStepAsync(TradeOrder order, Compensation undo, string cause, CancellationToken cancellationToken) =>
        CompensateAsync(order, undo, "late-step", cause, cancellationToken);

    private async Task CompensateAsync(TradeOrder order, Compensation compensation, string key, string cause, CancellationToken cancellationToken)
    {
        var goodsWithSupplier = !compensation.WithdrawConsignment || await WithdrawConsignmentAsync(order, cause, cancellationToken);
        if (compensation.ReleaseStock && goodsWithSupplier)
        {
            await GiveBackStockAsync(order, cause, cancellationToken);
        }

        if (compensation.WithdrawExport && goodsWithSupplier)
        {
            await WithdrawAsync(order, HubId.Parse(order.SupplierHub), DeclarationType.Export, cause, cancellationToken);
        }
        else if (compensation.WithdrawExport)
        {
            order.Note(Now, order.SupplierHub, "ExportWithdrawn", cause, "not withdrawn: the goods are with the carrier and leave under it");
        }

        if (compensation.WithdrawImport)
        {
            await WithdrawAsync(order, hubs.Self, DeclarationType.Import, cause, cancellationToken);
        }

        if (compensation.RefundEscrow)
        {
            try
            {
                var reply = await payment.RefundAsync(new RefundRequest { OrderId = order.Id, IdempotencyKey = key }, cancellationToken: cancellationToken);
                order.Note(Now, Self, "EscrowRefunded", cause, reply.Refunded is { } refunded ? Amounts.Of(refunded.MinorUnits, refunded.Currency) : null);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
            {
                // No escrow, or payment refunded it already on the order's cancelled/failed event.
                order.Note(Now, Self, "EscrowRefunded", cause, $"nothing in escrow: {ex.Status.Detail}");
            }
        }
    }

    // Takes the order's consignment out of its pool at the supplier's hub. True when the goods stay with the supplier
    // (withdrawn, or none booked); false once they are with the carrier.
    private async Task<bool> WithdrawConsignmentAsync(TradeOrder order, string cause, CancellationToken cancellationToken)
    {
        var reason = EndReason(order);
        try
        {
            var reply = await hubs.Logistics(HubId.Parse(order.SupplierHub)).CancelConsignmentAsync(
                new CancelConsignmentRequest { OrderId = order.Id, Reason = reason }, cancellationToken: cancellationToken);
            order.Note(Now, order.SupplierHub, "ConsignmentWithdrawn", cause, $"consignment {reply.ConsignmentId} out of its pool");
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            order.Note(Now, order.SupplierHub, "ConsignmentWithdrawn", cause, $"not withdrawn, the goods are with the carrier: {ex.Status.Detail}");
            return false;
        }
    }

    // Releases the order's reserved units; units already committed (by an export-clearance step that failed after
    // committing them, its order left a step behind) are returned instead: the goods never left the supplier.
    private async Task GiveBackStockAsync(TradeOrder order, string cause, CancellationToken cancellationToken)
    {
        var catalog = hubs.Catalog(HubId.Parse(order.SupplierHub));
        var request = new OrderStockRequest { OrderId = order.Id };
        try
        {
            await catalog.ReleaseStockAsync(request, cancellationToken: cancellationToken);
            order.Note(Now, order.SupplierHub, "StockReleased", cause, null);
            return;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            order.Note(Now, order.SupplierHub, "StockReleased", cause, $"nothing to release: {ex.Status.Detail}");
            return;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            // Not held as a reservation: committed, or ended already.
        }

        try
        {
            await catalog.ReturnStockAsync(request, cancellationToken: cancellationToken);
            order.Note(Now, order.SupplierHub, "StockReturned", cause, "committed units back on hand");
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            order.Note(Now, order.SupplierHub, "StockReleased", cause, $"nothing to release: {ex.Status.Detail}");
        }
    }

    private async Task WithdrawAsync(TradeOrder order, HubId hub, DeclarationType type, string cause, CancellationToken cancellationToken)
    {
        var reason = EndReason(order);
        var step = type == DeclarationType.Export ? "ExportWithdrawn" : "ImportWithdrawn";
        try
        {
            var reply = await hubs.Customs(hub).WithdrawAsync(new WithdrawDeclarationRequest { OrderId = order.Id, Type = type, Reason = reason }, cancellationToken: cancellationToken);
            order.Note(Now, hub.ToString(), step, cause, $"declaration {reply.DeclarationId}");
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            order.Note(Now, hub.ToString(), step, cause, $"nothing to withdraw: {ex.Status.Detail}");
        }
    }

    // Why an ended order's declarations and consignment are withdrawn, as the other hub records it: at most the 200
    // characters logistics and customs keep of a reason.
    private static string EndReason(TradeOrder order)
    {
        var reason = order.Status == OrderStatus.Cancelled ? $"order {order.Id} cancelled" : $"order {order.Id} failed: {order.FailureReason}";
        return LongText.Fit(reason, 200);
    }

    // Payment's reason for refusing to release an escrow a dispute froze.
    private const string EscrowDisputed = "escrow-disputed";

    // Payment's reason for holding the release of an escrow whose payee matched the denied-party list until its
    // operators decide.
    private const string PayeeHeld = "payee-held";

    // Payment refused for the given reason (its "reason" trailer).
    private static bool Refused(RpcException ex, string reason) => ex.StatusCode == StatusCode.FailedPrecondition && ex.Trailers.GetValue("reason") == reason;

    // The goods as the catalog described them at the price version the order was placed at.
    private async Task<IReadOnlyList<ProductQuote>> ProductsAsync(TradeOrder order, CancellationToken cancellationToken)
    {
        var request = new GetProductsRequest();
        request.Items.AddRange(order.Lines.Select(l => new ProductQuantity { ProductId = l.ProductId, Quantity = l.Quantity, PriceVersion = l.PriceVersion }));
        var reply = await hubs.Catalog(HubId.Parse(order.SupplierHub)).GetProductsAsync(request, cancellationToken: cancellationToken);
        return reply.Products;
    }

    private static DeclareRequest Declaration(TradeOrder order, DeclarationType type, IReadOnlyList<ProductQuote> products)
    {
        // Named as the supplier registered itself at its catalog, so customs screens that name; the company id where
        // the catalog has none.
        var supplierName = order.SupplierName ?? products.Select(p => p.SupplierName).FirstOrDefault(n => n.Length > 0) ?? order.SupplierCompany;
        var supplier = new Party { TraderId = order.SupplierCompany, Country = order.SupplierHub, Name = supplierName };
        var buyer = new Party { TraderId = order.BuyerCompany, Country = order.BuyerHub, Name = order.BuyerName ?? order.BuyerCompany, Address = order.BuyerAddress ?? "" };
        var request = new DeclareRequest
        {
            Type = type,
            Lrn = $"{order.Id}-{(type == DeclarationType.Export ? "EX" : "IM")}",
            OrderId = order.Id,
            Exporter = supplier,
            // The export names the buyer as consignee; the import names as importer of record whoever the Incoterm bills
            // the import duties to: the seller under DDP.
            Importer = type == DeclarationType.Import && IncotermCosts.DutiesPaidBy(order.Incoterm) == IncotermCosts.Seller ? supplier : buyer,
            Incoterm = order.Incoterm,
            IncotermPlace = order.NamedPlace,
            InvoiceNumber = order.Id,
            InvoiceCurrency = order.Currency,
            FreightMinor = order.FreightCurrency == order.Currency ? order.FreightMinor : 0,
            Channel = Channel.GeneralTrade,
            BuyerId = order.BuyerCompany,
        };
        var nationalOf = type == DeclarationType.Export ? order.SupplierHub : order.BuyerHub;
        request.Lines.AddRange(order.Lines.Zip(products, (l, p) => CartPricer.Goods(p, l.Quantity, l.LineTotalMinor, nationalOf)));
        return request;
    }
}
