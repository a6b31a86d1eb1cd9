using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Order.Domain;
using Hub.Order.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.Order.Application;

/// <summary>
/// Orders that partner hubs own, read from their order service through their gateway, as this hub: a partner sees
/// there the orders this hub's suppliers sell to its buyers. Each call gives up after
/// <c>Grpc:Client:AttemptDeadline</c>, retries included.
/// </summary>
internal sealed class PartnerOrders(
    PartnerChannels channels,
    IOptionsMonitor<PartnerRegistry> registry,
    IOptions<GrpcClientOptions> options,
    TimeProvider clock,
    ILogger<PartnerOrders> logger)
{
    /// <summary>The order as its hub shows it to this hub, with its timeline; null if this hub may not see it.</summary>
    /// <exception cref="RpcException">The order's hub did not answer in time.</exception>
    public async Task<OrderView?> GetAsync(OrderId id, CancellationToken cancellationToken)
    {
        if (!channels.IsReachable(id.Hub))
        {
            // Not a partner: no order of that hub is shown here.
            return null;
        }

        try
        {
            return await Client(id.Hub).GetOrderAsync(new OrderRequest { OrderId = id.ToString() }, deadline: Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The orders <paramref name="supplier"/> (or, without one, any supplier of this hub) sells at every partner hub,
    /// newest first per hub, at most <paramref name="limit"/> from each, those placed before <paramref name="before"/>
    /// when it is given; all partners asked at once; the hubs that did not answer in time are named instead.
    /// </summary>
    public async Task<PartnerOrderList> ListSuppliedAsync(CompanyId? supplier, OrderStatus? status, int limit, OrderMark? before, CancellationToken cancellationToken)
    {
        var request = new ListOrdersRequest
        {
            SupplierCompany = supplier?.ToString() ?? string.Empty,
            OwnSuppliers = supplier is null,
            Status = status?.ToString() ?? string.Empty,
            Limit = limit,
        };
        if (before is not null)
        {
            request.BeforePlacedAt = Timestamp.FromDateTime(before.PlacedAt);
            request.BeforeOrderId = before.OrderId;
        }

        var answers = await Task.WhenAll(registry.CurrentValue.Reachable().Select(async partner =>
        {
            try
            {
                var list = await Client(partner.Hub).ListOrdersAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
                return (partner.Hub, Orders: list.Orders.ToList());
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                OrderLog.PartnerOrdersUnanswered(logger, ex, partner.Hub.ToString());
                return (partner.Hub, Orders: (List<OrderView>?)null);
            }
        }));
        return new PartnerOrderList(
            [.. answers.SelectMany(a => a.Orders ?? [])],
            [.. answers.Where(a => a.Orders is null).Select(a => a.Hub)]);
    }

    private V1.OrderPlacement.OrderPlacementClient Client(HubId hub) => new(channels.For(hub));

    private DateTime Deadline() => clock.GetUtcNow().UtcDateTime + options.Value.AttemptDeadline;
}

/// <summary>What the partner hubs answered: their orders, and the hubs that did not answer.</summary>
internal sealed record PartnerOrderList(IReadOnlyList<OrderView> Orders, IReadOnlyList<HubId> Unanswered);
