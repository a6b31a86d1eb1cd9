using System.Collections.Concurrent;
using Grpc.Core;
using Hub.Logistics.V1;

namespace Hub.Order.Tests.Fakes;

/// <summary>Freight at 5,000 KRW a carton; bookings remembered.</summary>
internal sealed class FakeLogistics : Hub.Logistics.V1.Logistics.LogisticsBase
{
    public ConcurrentQueue<BookConsignmentRequest> Bookings { get; } = new();

    public override Task<EstimateFreightReply> EstimateFreight(EstimateFreightRequest request, ServerCallContext context) =>
        Task.FromResult(new EstimateFreightReply
        {
            LaneCode = $"{request.Lane.Origin}-{request.Lane.Destination}-{request.Lane.Mode}",
            PriceMinorUnits = 5000 * request.Cartons.Sum(c => Math.Max(1, c.Quantity)),
            Currency = "KRW",
        });

    /// <summary>Orders whose booking answers UNAVAILABLE, as a logistics service that cannot be reached.</summary>
    public ConcurrentDictionary<string, bool> Unreachable { get; } = new();

    public override Task<BookConsignmentReply> BookConsignment(BookConsignmentRequest request, ServerCallContext context)
    {
        if (Unreachable.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Logistics cannot be reached."));
        }

        Bookings.Enqueue(request);
        return Task.FromResult(new BookConsignmentReply { ConsignmentId = "CS-" + request.OrderId, Status = "Pooled" });
    }
}
