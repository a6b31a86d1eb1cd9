using System.Text.Json.Nodes;

namespace Hub.Story;

/// <summary>What the people of both hubs do while the order travels: customs officers, the freight desk, the buyer, the supplier.</summary>
public sealed partial class CrossBorderStory
{
    /// <summary>
    /// Waits until the order reaches <paramref name="status"/> (or a later step); meanwhile the hub's customs operator releases any
    /// held declaration of <paramref name="type"/> for it, as an officer would after looking at it.
    /// </summary>
    public async Task<JsonNode> WaitReleasingHoldsAsync(
        string orderId, GatewayClient hub, StoryUser officer, string type, string status, CancellationToken cancellationToken)
    {
        var watcher = await WatcherAsync(cancellationToken);
        var op = await hub.SignInAsync(officer, cancellationToken);
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var order = await watcher.ReadAsync(orderId, cancellationToken);
            if (OrderWatcher.Status(order) == status || Later(OrderWatcher.Status(order), status))
            {
                return order;
            }

            if (OrderWatcher.Status(order) is "Failed" or "Cancelled")
            {
                throw new StoryException($"Order {orderId} is {OrderWatcher.Status(order)} ({order["failureReason"]}) while waiting until it is {status}.");
            }

            foreach (var held in await HeldDeclarationsAsync(hub, op, orderId, type, cancellationToken))
            {
                await hub.PostAsync(op, $"/api/customs/declarations/{held}/release", null, cancellationToken);
                narrate($"{op.User} looked at held {type.ToLowerInvariant()} declaration {held} and released it.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryException($"Order {orderId} is still {OrderWatcher.Status(order)} after {StepTimeout.TotalSeconds:0} s waiting until it is {status}.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>The ids of the hub's held declarations of <paramref name="type"/> for an order.</summary>
    public static async Task<IReadOnlyList<string>> HeldDeclarationsAsync(GatewayClient hub, Session officer, string orderId, string type, CancellationToken cancellationToken) =>
        [.. (await hub.GetAsync(officer, $"/api/customs/declarations?status=Held&orderId={orderId}", cancellationToken)).AsArray()
            .Where(d => d!["orderId"]!.GetValue<string>() == orderId && d["type"]!.GetValue<string>() == type)
            .Select(d => d!["id"]!.GetValue<string>())];

    /// <summary>The supplier hub's freight desk closes the consignment's pool and records the departure of its shipments.</summary>
    public async Task<IReadOnlyList<string>> DepartAsync(string consignmentId, CancellationToken cancellationToken)
    {
        var op = await supplierHub.SignInAsync(cast.SupplierOperator, cancellationToken);
        var consignment = await supplierHub.GetAsync(op, $"/api/logistics/consignments/{consignmentId}", cancellationToken);
        var pool = consignment["poolId"]?.GetValue<string>() ?? throw new StoryException($"Consignment {consignmentId} is in no pool: {consignment.ToJsonString()}");
        JsonNode plan;
        try
        {
            plan = await supplierHub.PostAsync(op, $"/api/logistics/pools/{pool}/close", null, cancellationToken);
            narrate($"{op.User} closed pool {pool}: {plan["shipments"]!.AsArray().Count} container(s) of {plan["containerCode"]}, cost {plan["cost"]} {plan["currency"]}.");
        }
        catch (GatewayException ex) when (ex.Status is System.Net.HttpStatusCode.Conflict)
        {
            plan = await supplierHub.GetAsync(op, $"/api/logistics/pools/{pool}/plan", cancellationToken);
        }

        var orderId = consignment["orderId"]!.GetValue<string>();
        var shipments = new List<string>();
        foreach (var summary in plan["shipments"]!.AsArray())
        {
            var id = summary!["id"]!.GetValue<string>();
            var shipment = await supplierHub.GetAsync(op, $"/api/logistics/shipments/{id}", cancellationToken);
            if (shipment["items"]!.AsArray().Any(i => i!["orderId"]!.GetValue<string>() == orderId))
            {
                shipments.Add(id);
            }
        }

        foreach (var id in shipments)
        {
            await TrackShipmentAsync(op, id, "Departed", cancellationToken);
        }

        return shipments;
    }

    /// <summary>The freight desk records the shipments' arrival at the destination port.</summary>
    public async Task ArriveAsync(IReadOnlyList<string> shipments, CancellationToken cancellationToken)
    {
        var op = await supplierHub.SignInAsync(cast.SupplierOperator, cancellationToken);
        foreach (var id in shipments)
        {
            await TrackShipmentAsync(op, id, "Arrived", cancellationToken);
        }
    }

    /// <summary>The freight desk records the last mile: out for delivery, then delivered to the buyer.</summary>
    public async Task DeliverAsync(string consignmentId, CancellationToken cancellationToken)
    {
        var op = await supplierHub.SignInAsync(cast.SupplierOperator, cancellationToken);
        foreach (var kind in new[] { "OutForDelivery", "Delivered" })
        {
            await supplierHub.PostAsync(op, $"/api/logistics/consignments/{consignmentId}/tracking", new { kind, occurredAt = DateTime.UtcNow }, cancellationToken);
            narrate($"{op.User} recorded consignment {consignmentId} {kind} at {supplierHub.Hub}.");
        }
    }

    /// <summary>The buyer confirms it received the goods.</summary>
    public async Task ConfirmReceiptAsync(string orderId, CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        await buyerHub.PostAsync(buyer, $"/api/order/orders/{orderId}/receipt", null, cancellationToken);
        narrate($"{buyer.User} confirmed receipt of order {orderId}.");
    }

    /// <summary>The buyer disputes the delivered order instead of confirming receipt; the escrow is frozen.</summary>
    public async Task<JsonNode> DisputeAsync(string orderId, string reason, CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        var order = await buyerHub.PostAsync(buyer, $"/api/order/orders/{orderId}/dispute", new { reason }, cancellationToken);
        narrate($"{buyer.User} disputed order {orderId}: \"{reason}\".");
        return order;
    }

    /// <summary>
    /// Once the negotiation period has run, the buyer — or the supplier, from its own hub, which asks the buyer's hub —
    /// escalates the dispute to the operators of the buyer's hub. Returns the dispute as the one who escalated sees it.
    /// </summary>
    public async Task<JsonNode> EscalateDisputeAsync(string orderId, bool bySupplier, CancellationToken cancellationToken)
    {
        var (hub, user) = bySupplier ? (supplierHub, cast.Supplier) : (buyerHub, cast.Buyer);
        var session = await hub.SignInAsync(user, cancellationToken);
        var seen = await hub.GetAsync(session, $"/api/payment/escrows/{orderId}/dispute", cancellationToken);
        narrate($"{session.User} sees the dispute of order {orderId} from {hub.Hub}: {seen["status"]}, \"{seen["reason"]}\".");
        var escalated = await hub.PostAsync(session, $"/api/payment/escrows/{orderId}/dispute/escalation", null, cancellationToken);
        narrate($"{session.User} escalated it from {hub.Hub} to {buyerHub.Hub}'s operators.");
        return escalated;
    }

    /// <summary>
    /// An operator of the buyer's hub decides the escalated dispute (<c>refund</c>, <c>partial-refund</c> with the
    /// refund in minor units, or <c>release</c>).
    /// </summary>
    public async Task DecideDisputeAsync(string orderId, string decision, long? refundMinorUnits, CancellationToken cancellationToken)
    {
        var op = await buyerHub.SignInAsync(cast.BuyerOperator, cancellationToken);
        var refund = refundMinorUnits is { } minor ? new { minorUnits = minor, currency = Currency(buyerHub.Hub) } : null;
        await buyerHub.PostAsync(op, $"/api/payment/escrows/{orderId}/dispute/decision", new { decision, refund }, cancellationToken);
        narrate($"{op.User} decided the dispute of order {orderId}: {decision}.");
    }

    /// <summary>The supplier registers its purchase invoice for the goods (input VAT included), the basis of its export VAT refund.</summary>
    public async Task RegisterPurchaseInvoiceAsync(string orderId, ListedProduct product, CancellationToken cancellationToken)
    {
        var supplier = await supplierHub.SignInAsync(cast.Supplier, cancellationToken);
        // The supplier bought the goods in at 70 % of its price, 10 % VAT on top.
        var net = product.UnitPriceMinor * Quantity * 7 / 10;
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            try
            {
                await supplierHub.PostAsync(supplier, "/api/tax-refund/invoices", new
                {
                    invoiceNumber = $"PI-{orderId}",
                    orderId,
                    productId = product.Id,
                    hsCode = product.HsCode,
                    quantity = (decimal)Quantity,
                    amountInclVatMinorUnits = net + (net / 10),
                    currency = product.Currency,
                    vatRate = 0.10m,
                }, cancellationToken);
                break;
            }
            catch (GatewayException ex) when (ex.Status == System.Net.HttpStatusCode.Conflict && DateTime.UtcNow < deadline)
            {
                // The tax-refund service learns the order's supplier from the booking event, a moment after the order shows Booked.
                await Task.Delay(500, cancellationToken);
            }
        }

        narrate($"{supplier.User} registered purchase invoice PI-{orderId} ({net + (net / 10)} {product.Currency} incl. VAT).");
    }

    /// <summary>The supplier files the order's export VAT refund claim once ready; the supplier hub's operator approves and pays it.</summary>
    public async Task<string> RefundExportVatAsync(string orderId, CancellationToken cancellationToken)
    {
        var supplier = await supplierHub.SignInAsync(cast.Supplier, cancellationToken);
        var op = await supplierHub.SignInAsync(cast.SupplierOperator, cancellationToken);
        var claim = await WaitForClaimAsync(op, orderId, c => c["state"]!.GetValue<string>() is not "Open", "its evidence is complete", cancellationToken);
        var id = claim["id"]!.GetValue<string>();
        if (claim["state"]!.GetValue<string>() == "Ready")
        {
            claim = await supplierHub.PostAsync(supplier, $"/api/tax-refund/claims/{id}/file", null, cancellationToken);
            narrate($"{supplier.User} filed tax refund claim {id}: refund {Amount(claim["refundMinorUnits"], claim["currency"])} ({claim["roundingRule"]}).");
        }

        if (claim["state"]!.GetValue<string>() == "Filed")
        {
            claim = await supplierHub.PostAsync(op, $"/api/tax-refund/claims/{id}/approve", null, cancellationToken);
            narrate($"{op.User} approved claim {id}.");
        }

        if (claim["state"]!.GetValue<string>() == "Approved")
        {
            try
            {
                claim = await supplierHub.PostAsync(op, $"/api/tax-refund/claims/{id}/pay", null, cancellationToken);
            }
            catch (GatewayException ex) when (ex.Status is System.Net.HttpStatusCode.Conflict)
            {
                // Paid meanwhile by the approval's own payout.
            }
        }

        claim = await WaitForClaimAsync(op, orderId, c => c["state"]!.GetValue<string>() == "Paid", "it is paid", cancellationToken);
        narrate($"Tax refund claim {id} paid at {supplierHub.Hub}: {Amount(claim["refundMinorUnits"], claim["currency"])}, payout posting {claim["payoutPostingId"]}.");
        return id;
    }

    private async Task<JsonNode> WaitForClaimAsync(Session op, string orderId, Func<JsonNode, bool> reached, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var claim = (await supplierHub.GetAsync(op, $"/api/tax-refund/claims?orderId={orderId}", cancellationToken)).AsArray()
                .FirstOrDefault(c => c!["orderId"]!.GetValue<string>() == orderId);
            if (claim is not null && reached(claim))
            {
                return claim;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryException($"The tax refund claim for {orderId} at {supplierHub.Hub} did not get until {what}: {claim?.ToJsonString() ?? "no claim"}.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task TrackShipmentAsync(Session op, string shipment, string kind, CancellationToken cancellationToken)
    {
        await supplierHub.PostAsync(op, $"/api/logistics/shipments/{shipment}/tracking", new { kind, occurredAt = DateTime.UtcNow }, cancellationToken);
        narrate($"{op.User} recorded shipment {shipment} {kind} at {supplierHub.Hub}.");
    }

    private static readonly string[] Order =
        ["Placed", "PaymentSecured", "ExportCleared", "Booked", "Departed", "ImportCleared", "Delivered", "ReceiptConfirmed", "Completed"];

    private static bool Later(string status, string than) => Array.IndexOf(Order, status) > Array.IndexOf(Order, than) && Array.IndexOf(Order, than) >= 0;
}
