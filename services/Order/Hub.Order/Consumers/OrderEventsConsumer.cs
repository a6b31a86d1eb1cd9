using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Contracts.Order;
using Hub.Contracts.Payment;
using Hub.Order.Application;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Consumers;

/// <summary>
/// The order process manager: each event moves the order it names one step and sends the next step's command.
/// An event for an order this hub does not own, or for a step already taken (a duplicate or a stale event), changes
/// nothing. The handling of one order's events is serialised by a lock on its row, taken before the order is read and
/// held until the inbox transaction commits: the step that sends a command (declare the export, book the consignment,
/// declare the import) often hears the command's outcome before its own transaction has committed, and that outcome
/// then waits for the commit instead of finding the order a step behind. An event that still comes before the step
/// it follows throws and is retried, then redelivered later. Optimistic concurrency (xmin) stays as the guard of
/// last resort. Copies partner hubs sent are taken only from the order's supplier hub, and only its facts.
/// </summary>
[TakesPartnerMessages]
internal sealed class OrderEventsConsumer(OrderDbContext db, OrderProcess process, IOutbox outbox, ILogger<OrderEventsConsumer> logger) :
    IConsumer<OrderPlaced>,
    IConsumer<PaymentSecured>,
    IConsumer<ExportDeclarationDue>,
    IConsumer<PaymentFailed>,
    IConsumer<ExportCleared>,
    IConsumer<ConsignmentBooked>,
    IConsumer<ShipmentDeparted>,
    IConsumer<ImportCleared>,
    IConsumer<DutiesCharged>,
    IConsumer<FreightBilled>,
    IConsumer<FreightCharged>,
    IConsumer<LateShipmentCompensated>,
    IConsumer<DeclarationRejected>,
    IConsumer<DeclarationHeld>,
    IConsumer<ConsignmentDelivered>,
    IConsumer<EscrowReleased>,
    IConsumer<EscrowReleaseHeld>,
    IConsumer<EscrowReleaseRefused>,
    IConsumer<DisputeOpened>,
    IConsumer<DisputeResolved>
{
    private static readonly HashSet<Type> SupplierHubFacts =
        [typeof(ExportCleared), typeof(DeclarationHeld), typeof(DeclarationRejected), typeof(ConsignmentBooked), typeof(ShipmentDeparted), typeof(FreightBilled), typeof(ConsignmentDelivered)];

    public Task Consume(ConsumeContext<OrderPlaced> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            if (order.Status != OrderStatus.Placed)
            {
                return false;
            }

            await process.SecureFundsAsync(order, cause, ct);
            return true;
        });

    public Task Consume(ConsumeContext<PaymentSecured> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            if (order.Status is OrderStatus.Cancelled or OrderStatus.Failed)
            {
                // The funds arrived after the order ended: they go back.
                await process.RefundLateFundsAsync(order, cause, ct);
                return true;
            }

            if (!order.SecurePayment(context.Message.SecuredAt, process.Self, cause, context.Message.ShipBy))
            {
                return false;
            }

            outbox.Send(OwnQueue.AddressOf(context), new ExportDeclarationDue(order.Id));
            process.ScheduleExportRetry(order);
            return true;
        });

    public Task Consume(ConsumeContext<ExportDeclarationDue> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            // Declared already (a repeat), or the order moved on or ended meanwhile.
            if (order.Status != OrderStatus.PaymentSecured || order.Timeline.Any(t => t.Step == OrderProcess.ExportDeclaredStep))
            {
                return false;
            }

            await process.DeclareExportAsync(order, cause, ct);
            return true;
        });

    public Task Consume(ConsumeContext<PaymentFailed> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            if (order.Status != OrderStatus.Placed)
            {
                return false;
            }

            await process.FailAsync(order, $"payment failed ({context.Message.Reason}): {context.Message.Detail}", cause, ct);
            return true;
        });

    public Task Consume(ConsumeContext<ExportCleared> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            if (order.LateStepUndo(OrderStatus.ExportCleared) is { } undo)
            {
                await process.UndoLateStepAsync(order, undo, cause, ct);
                return true;
            }

            if (!order.ClearExport(context.Message.DeclarationId, context.Message.ClearedAt, context.Message.Hub, cause))
            {
                return false;
            }

            await process.BookAsync(order, cause, ct);
            return true;
        });

    public Task Consume(ConsumeContext<ConsignmentBooked> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            if (order.LateStepUndo(OrderStatus.Booked) is { } undo)
            {
                await process.UndoLateStepAsync(order, undo, cause, ct);
                return true;
            }

            return order.Book(context.Message.ConsignmentId, context.Message.BookedAt, context.Message.Origin, cause);
        });

    public async Task Consume(ConsumeContext<ShipmentDeparted> context)
    {
        var departed = context.Message;
        var orderIds = departed.OrderIds.Distinct().ToList();
        if (orderIds.Count != 1)
        {
            // None is nothing to do; several depart one by one.
            await SplitDepartureAsync(context, orderIds);
            return;
        }

        await HandleAsync(context, orderIds[0], async (order, cause, ct) =>
        {
            if (!order.Depart(departed.DepartedAt, departed.Origin, cause))
            {
                return false;
            }

            await process.DeclareImportAsync(order, departed.MasterBill, cause, ct);
            return true;
        });
    }

    /// <summary>
    /// A shipment carrying several orders departs for each in a message of its own, sent to this consumer's queue in
    /// the inbox transaction: one order that cannot take the departure yet (not booked, its import declaration
    /// refused) is retried and redelivered alone, and holds none of the others back. The orders are the ones this hub
    /// owns; a partner hub's copy speaks only for the orders it supplies.
    /// </summary>
    private async Task SplitDepartureAsync(ConsumeContext<ShipmentDeparted> context, IReadOnlyList<string> orderIds)
    {
        var departed = context.Message;
        var sender = FederatedMessage.SourceHubOf(context);
        var owned = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.SupplierHub }).ToListAsync(context.CancellationToken);
        var queue = OwnQueue.AddressOf(context);
        foreach (var order in owned)
        {
            if (sender is not null && sender != order.SupplierHub)
            {
                OrderLog.FactFromAnotherHubRefused(logger, nameof(ShipmentDeparted), order.Id, sender);
                continue;
            }

            var consignments = departed.ConsignmentIds.Where((_, i) => departed.OrderIds[i] == order.Id).Distinct().ToList();
            outbox.Send(queue, departed with { ConsignmentIds = consignments, OrderIds = [order.Id] });
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ImportCleared> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
            Task.FromResult(order.ClearImport(context.Message.DeclarationId, context.Message.DutiesMinor + context.Message.TaxesMinor, context.Message.Currency,
                context.Message.ClearedAt, context.Message.Hub, cause)));

    public Task Consume(ConsumeContext<DutiesCharged> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            var m = context.Message;
            var from = m.ChargedFrom switch
            {
                DutiesCharged.FromEscrow => "from its share of the escrow",
                DutiesCharged.FromSupplierHub => "through its hub (the escrow could not bear them)",
                _ => "from its wallet",
            };
            var detail = $"import duties and taxes of {Amounts.Of(m.ChargedMinor, m.Currency)} charged to {m.Payer} {from}";
            order.Note(m.ChargedAt, process.Self, "DutiesCharged", cause, detail);
            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<FreightBilled> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            var m = context.Message;
            order.Note(m.BilledAt, order.SupplierHub, "FreightBilled", cause,
                $"freight of {Amounts.Of(m.AmountMinorUnits, m.Currency)} for consignment {m.ConsignmentId} on shipment {m.MasterBill} billed to {m.PayerCompany}");
            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<FreightCharged> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            var m = context.Message;
            var converted = m.ChargedCurrency != m.BilledCurrency ? $" (billed {Amounts.Of(m.BilledMinorUnits, m.BilledCurrency)})" : "";
            order.Note(m.ChargedAt, process.Self, "FreightCharged", cause,
                $"freight of {Amounts.Of(m.ChargedMinorUnits, m.ChargedCurrency)}{converted} for consignment {m.ConsignmentId} charged to {m.PayerCompany} from its wallet");
            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<LateShipmentCompensated> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            var m = context.Message;
            order.Note(m.CompensatedAt, process.Self, "LateShipmentCompensated", cause,
                $"departed {m.DaysLate} day{(m.DaysLate == 1 ? "" : "s")} after the promised {Moments.Of(m.ShipBy)}: {Amounts.Of(m.CompensationMinorUnits, m.Currency)} paid back to {m.BuyerCompany} from the escrow");
            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<DeclarationRejected> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            if (order.IsTerminal)
            {
                return false;
            }

            await process.FailAsync(order, $"{context.Message.Type} declaration {context.Message.DeclarationId} rejected at {context.Message.Hub}: {context.Message.Reason}", cause, ct);
            return true;
        });

    public Task Consume(ConsumeContext<DeclarationHeld> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            if (order.IsTerminal)
            {
                return Task.FromResult(false);
            }

            // A hold is not a failure: the order waits, and the step's timeout decides if it waited too long.
            order.Note(context.Message.HeldAt, context.Message.Hub, "DeclarationHeld", cause, $"{context.Message.Type} declaration {context.Message.DeclarationId}: {context.Message.Reason}");
            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<ConsignmentDelivered> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            if (!order.Deliver(context.Message.DeliveredAt, process.Self, cause))
            {
                return Task.FromResult(false);
            }

            if (order.HasOpenDispute)
            {
                // Disputed at payment on the way: the decision, not the receipt, settles the escrow.
                order.Dispute("the buyer disputed the escrow at payment before delivery", process.Now, process.Self, cause);
            }
            else
            {
                process.RequestReceipt(order, cause);
            }

            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<EscrowReleased> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            if (order.Status is > OrderStatus.Placed and < OrderStatus.Delivered)
            {
                // Released while the goods are on their way (payment's automatic release after its days, or a dispute's
                // decision): recorded; the order goes on, and its receipt completes it.
                order.Note(context.Message.ReleasedAt, process.Self, "EscrowReleased", cause, "released to the supplier before delivery");
                return Task.FromResult(true);
            }

            if (!order.Complete(context.Message.ReleasedAt, process.Self, cause, context.Message.ProtectedUntil))
            {
                return Task.FromResult(false);
            }

            process.Complete(order);
            return Task.FromResult(true);
        });

    // The payee matched the denied-party list when its escrow was due for release: the operators decide. The buyer's
    // timeline says no more than that (the match itself is the operators' business).
    public Task Consume(ConsumeContext<EscrowReleaseHeld> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            if (order.IsTerminal)
            {
                return Task.FromResult(false);
            }

            order.Note(context.Message.HeldAt, process.Self, "EscrowReleaseHeld", cause,
                "the payee's screening against the denied-party list awaits the hub's operators, who release the escrow or refund it");
            return Task.FromResult(true);
        });

    // The operators confirmed the payee's match: the buyer has everything back, and the order ends.
    public Task Consume(ConsumeContext<EscrowReleaseRefused> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, ct) => process.RefuseReleaseAsync(order, context.Message, cause, ct));

    // Payment tells of every dispute, also of one the buyer opened there rather than through the order.
    public Task Consume(ConsumeContext<DisputeOpened> context) =>
        HandleAsync(context, context.Message.OrderId, (order, cause, _) =>
        {
            var dispute = context.Message;
            if (order.Status == OrderStatus.Completed)
            {
                // Opened after the release, within its protection window (at payment, or through the order, which noted it).
                return Task.FromResult(order.NoteDisputeAfterRelease(dispute.Reason, dispute.OpenedAt, process.Self, cause));
            }

            if (order.IsTerminal || order.Status == OrderStatus.Disputed)
            {
                return Task.FromResult(false);
            }

            if (order.Status == OrderStatus.Delivered)
            {
                return Task.FromResult(order.Dispute(dispute.Reason, dispute.OpenedAt, process.Self, cause));
            }

            order.NoteDisputeOpened(dispute.Reason, dispute.OpenedAt, process.Self, cause);
            return Task.FromResult(true);
        });

    public Task Consume(ConsumeContext<DisputeResolved> context) =>
        HandleAsync(context, context.Message.OrderId, async (order, cause, ct) =>
        {
            await process.SettleDisputeAsync(order, context.Message, cause, ct);
            return true;
        });

    private async Task HandleAsync<T>(ConsumeContext<T> context, string orderId, Func<TradeOrder, string, CancellationToken, Task<bool>> step)
        where T : class
    {
        await db.LockOrderAsync(orderId, context.CancellationToken);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == orderId, context.CancellationToken);
        var cause = $"{typeof(T).Name} {context.MessageId}";
        OrderTracing.Tag(orderId);
        // An order hears from this hub's own services, and from its supplier's hub (through the gateway) only what that
        // hub does for it: the export, the consignment, its journey and its freight. No other hub speaks for it.
        if (FederatedMessage.SourceHubOf(context) is { } sender && (order is null || sender != order.SupplierHub || !SupplierHubFacts.Contains(typeof(T))))
        {
            OrderLog.FactFromAnotherHubRefused(logger, typeof(T).Name, orderId, sender);
            return;
        }
        if (order is null || !await step(order, cause, context.CancellationToken))
        {
            OrderLog.EventIgnored(logger, typeof(T).Name, orderId);
            return;
        }

        if (!order.IsTerminal && order.DueBy is null)
        {
            process.Schedule(order);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        OrderLog.OrderMoved(logger, order.Id, order.Status.ToString());
    }
}
