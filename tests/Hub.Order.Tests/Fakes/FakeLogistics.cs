using System.Collections.Concurrent;
using Grpc.Core;
using Hub.Logistics.V1;

namespace Hub.Order.Tests.Fakes;

/// <summary>Freight at 5,000 KRW a carton; bookings remembered.</summary>
internal sealed class FakeLogistics : Hub.Logistics.V1.Logistics.LogisticsBase
{
    public ConcurrentQueue<BookConsignmentRequest> Bookings { get; } = new();

    /// <summary>When BookConsignment first arrived, by order.</summary>
    public CallTimes Asked { get; } = new();

    public override Task<EstimateFreightReply> EstimateFreight(EstimateFreightRequest request, ServerCallContext context) =>
        Task.FromResult(new EstimateFreightReply
        {
            LaneCode = $"{request.Lane.Origin}-{request.Lane.Destination}-{request.Lane.Mode}",
            PriceMinorUnits = 5000 * request.Cartons.Sum(c => Math.Max(1, c.Quantity)),
            Currency = "KRW",
        });

    /// <summary>Consignments taken out of their pools, by order.</summary>
    public ConcurrentDictionary<string, CancelConsignmentRequest> Cancellations { get; } = new();

    /// <summary>Orders whose consignment is with the carrier already: its cancellation is refused (FAILED_PRECONDITION).</summary>
    public ConcurrentDictionary<string, bool> WithCarrier { get; } = new();

    /// <summary>Orders whose booking answers UNAVAILABLE, as a logistics service that cannot be reached.</summary>
    public ConcurrentDictionary<string, bool> Unreachable { get; } = new();

    public override Task<BookConsignmentReply> BookConsignment(BookConsignmentRequest request, ServerCallContext context)
    {
        if (Unreachable.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Logistics cannot be reached."));
        }

        Bookings.Enqueue(request);
        Asked.Note(nameof(BookConsignment), request.OrderId);
        return Task.FromResult(new BookConsignmentReply { ConsignmentId = "CS-" + request.OrderId, Status = "Pooled" });
    }

    public override Task<CancelConsignmentReply> CancelConsignment(CancelConsignmentRequest request, ServerCallContext context)
    {
        if (!Bookings.Any(b => b.OrderId == request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Order {request.OrderId} has no consignment."));
        }

        if (WithCarrier.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The consignment of order {request.OrderId} departed."));
        }

        var first = Cancellations.GetOrAdd(request.OrderId, request);
        return Task.FromResult(new CancelConsignmentReply
        {
            ConsignmentId = "CS-" + request.OrderId,
            Status = "Cancelled",
            AlreadyCancelled = !ReferenceEquals(first, request),
            CancelReason = first.Reason,
        });
    }
}
