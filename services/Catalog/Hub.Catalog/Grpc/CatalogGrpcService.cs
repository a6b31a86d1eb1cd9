using Grpc.Core;
using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Stock;
using Hub.Catalog.Stock;
using Hub.Catalog.V1;
using Hub.Contracts.Values;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;
using Hub.ServiceDefaults.Validation;
using ReservationLine = Hub.Catalog.Domain.Stock.ReservationLine;

namespace Hub.Catalog.Grpc;

/// <summary>The catalog for the order process and partner hubs: priced lookups and idempotent stock commands.</summary>
internal sealed class CatalogGrpcService(MessagingProbeRunner probes, ProductQuotes quotes, StockLedger ledger, ReservationBatcher reservations) : V1.Catalog.CatalogBase
{
    private const int MaxLines = 200;

    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);

    public override async Task<GetProductsReply> GetProducts(GetProductsRequest request, ServerCallContext context)
    {
        if (request.Items.Count is 0 or > MaxLines)
        {
            throw Invalid($"items: between 1 and {MaxLines} products are required.");
        }

        var asked = request.Items.Select((item, i) => (
            Id: ProductId.TryParse(item.ProductId, out var id) ? id : throw Invalid($"items[{i}].product_id: {WellFormedIds.Malformed(item.ProductId, ProductId.Kind)}"),
            Quantity: item.Quantity > 0 ? item.Quantity : throw Invalid($"items[{i}].quantity: must be at least 1."),
            Version: item.PriceVersion >= 0 ? item.PriceVersion : throw Invalid($"items[{i}].price_version: must be 0 (current) or a version number."))).ToList();

        var reply = new GetProductsReply();
        reply.Products.AddRange(await quotes.QuoteAsync(asked, context.CancellationToken));
        return reply;
    }

    public override async Task<ReservationReply> ReserveStock(ReserveStockRequest request, ServerCallContext context)
    {
        var order = ParseOrder(request.OrderId);
        if (request.Lines.Count is 0 or > MaxLines)
        {
            throw Invalid($"lines: between 1 and {MaxLines} lines are required.");
        }

        var lines = request.Lines.Select((line, i) => new ReservationLine(
            ProductId.TryParse(line.ProductId, out var id) ? id.ToString() : throw Invalid($"lines[{i}].product_id: {WellFormedIds.Malformed(line.ProductId, ProductId.Kind)}"),
            line.Quantity > 0 ? line.Quantity : throw Invalid($"lines[{i}].quantity: must be at least 1."))).ToList();
        // Lines for the same product are reserved as one: their sum must fit a quantity too.
        if (StockReservation.OverMaxQuantity(lines).FirstOrDefault() is { ProductId: not null } over)
        {
            throw Invalid($"{string.Join(", ", over.Lines.Select(i => $"lines[{i}].quantity"))}: the lines for {over.ProductId} add up to "
                + $"{over.Total} units; an order reserves at most {StockReservation.MaxQuantity} of one product.");
        }

        return ToReply(await Guard(() => reservations.ReserveAsync(order.ToString(), lines, context.CancellationToken)));
    }

    public override async Task<ReservationReply> ReleaseStock(OrderStockRequest request, ServerCallContext context)
    {
        var order = ParseOrder(request.OrderId);
        return ToReply(await Guard(() => ledger.ReleaseAsync(order, context.CancellationToken)) ?? throw NotFound(order));
    }

    public override async Task<ReservationReply> CommitStock(OrderStockRequest request, ServerCallContext context)
    {
        var order = ParseOrder(request.OrderId);
        return ToReply(await Guard(() => ledger.CommitAsync(order, context.CancellationToken)) ?? throw NotFound(order));
    }

    public override async Task<ReservationReply> ReturnStock(OrderStockRequest request, ServerCallContext context)
    {
        var order = ParseOrder(request.OrderId);
        return ToReply(await Guard(() => ledger.ReturnAsync(order, context.CancellationToken)) ?? throw NotFound(order));
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (CatalogRuleException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
    }

    private static OrderId ParseOrder(string value) =>
        OrderId.TryParse(value, out var order) ? order : throw Invalid($"order_id: {WellFormedIds.Malformed(value, OrderId.Kind)}");

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private static RpcException NotFound(OrderId order) => new(new Status(StatusCode.NotFound, $"Order {order} has no stock reservation."));

    private static ReservationReply ToReply(StockReservation reservation)
    {
        var reply = new ReservationReply
        {
            OrderId = reservation.OrderId,
            Status = reservation.Status.ToString().ToLowerInvariant(),
            Reserved = reservation.Status is ReservationStatus.Reserved or ReservationStatus.Committed,
            RejectionReason = reservation.RejectionReason ?? "",
        };
        reply.Lines.AddRange(reservation.Lines.Select(l => new V1.ReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }));
        return reply;
    }
}
