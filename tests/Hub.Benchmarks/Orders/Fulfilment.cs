using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// Drives every order to Completed as the people would: KR's operator closes the lane's pools and records each
/// shipment's departure and arrival and each consignment's delivery, CN's buyer confirms receipt. Everything else
/// (payment, customs at both ends, booking, settlement) the services do on their own events. It reads the orders at
/// CN to see what each waits for, and gives up when nothing has moved for the stall time.
/// </summary>
internal sealed class Fulfilment(HubSession cnOperator, HubSession krOperator, HubSession buyer, DateTime runStartedAt)
{
    private readonly HashSet<Guid> plannedPools = [];
    private readonly Dictionary<Guid, string> shipments = [];
    private DateTime quietUntil;

    public async Task<TimeSpan> RunAsync(IReadOnlyList<TrackedOrder> orders, TimeSpan stall)
    {
        var byId = orders.ToDictionary(o => o.Id);
        var clock = Stopwatch.StartNew();
        var lastMove = clock.Elapsed;
        var lastReport = clock.Elapsed;
        while (orders.Any(o => !o.Finished))
        {
            if (await RefreshAsync(cnOperator, orders.Where(o => !o.Finished)))
            {
                lastMove = clock.Elapsed;
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds:0} s: {Census(orders)}");
                lastReport = clock.Elapsed;
            }

            if (clock.Elapsed - lastMove > stall)
            {
                break;
            }

            if (orders.Any(o => o.Status == "Booked"))
            {
                await PlanPoolsAsync();
            }

            await MoveShipmentsAsync(byId);
            await Parallel.ForEachAsync(orders.Where(o => o.Status == "ImportCleared" && !o.DeliveryRecorded && o.ConsignmentId is not null),
                new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) => await DeliverAsync(order, ct));
            await Parallel.ForEachAsync(orders.Where(o => o.Status == "Delivered" && !o.ReceiptConfirmed),
                new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) =>
                {
                    var reply = await buyer.PostAsync($"/api/order/orders/{order.Id}/receipt", null, cancellationToken: ct);
                    order.ReceiptConfirmed = reply.Ok;
                });
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return clock.Elapsed;
    }

    /// <summary>Orders per state, e.g. "Completed 120, Booked 3".</summary>
    public static string Census(IEnumerable<TrackedOrder> orders) =>
        string.Join(", ", orders.GroupBy(o => o.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    /// <returns>Whether any order changed state.</returns>
    public static async Task<bool> RefreshAsync(HubSession session, IEnumerable<TrackedOrder> orders)
    {
        var moved = 0;
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) =>
        {
            var reply = await session.GetAsync($"/api/order/orders/{order.Id}", ct);
            var status = order.Status;
            if (reply.Status == HttpStatusCode.NotFound)
            {
                status = "Missing";
            }
            else if (reply.Ok)
            {
                var json = reply.Json;
                status = json.GetProperty("status").GetString()!;
                order.ConsignmentId = json.GetProperty("consignmentId").GetString();
                order.FailureReason = json.GetProperty("failureReason").GetString();
                order.PlacedAt = json.GetProperty("placedAt").GetDateTime();
                order.UpdatedAt = json.GetProperty("updatedAt").GetDateTime();
            }

            if (status != order.Status)
            {
                order.Status = status;
                Interlocked.Increment(ref moved);
            }
        });
        return moved > 0;
    }

    private async Task PlanPoolsAsync()
    {
        var pools = await krOperator.GetAsync("/api/logistics/pools");
        if (!Answered(pools, "listing KR's pools"))
        {
            return;
        }

        foreach (var pool in pools.Json.EnumerateArray())
        {
            var id = pool.GetProperty("id").GetGuid();
            var status = pool.GetProperty("status").GetString();
            var current = status != "Closed" || (pool.GetProperty("closedAt") is { ValueKind: JsonValueKind.String } closed && closed.GetDateTime() >= runStartedAt);
            if (plannedPools.Contains(id) || pool.GetProperty("consignments").GetInt32() == 0 || !current)
            {
                continue;
            }

            // Closing a closed pool answers its plan: a close whose answer was lost is sent again next round.
            var plan = await krOperator.PostAsync($"/api/logistics/pools/{id}/close", null);
            if (!Answered(plan, $"closing pool {id} at KR"))
            {
                continue;
            }

            plannedPools.Add(id);
            foreach (var shipment in plan.Json.GetProperty("shipments").EnumerateArray())
            {
                shipments.TryAdd(shipment.GetProperty("id").GetGuid(), shipment.GetProperty("status").GetString()!);
            }
        }
    }

    // A shipment departs once every benchmark order on it is booked at CN, and arrives right after. Its status is the
    // one KR answers, so a milestone recorded whose answer was lost is not sent again.
    private async Task MoveShipmentsAsync(Dictionary<string, TrackedOrder> orders)
    {
        foreach (var id in shipments.Where(s => s.Value != "Arrived").Select(s => s.Key).ToList())
        {
            var shipment = await krOperator.GetAsync($"/api/logistics/shipments/{id}");
            if (!Answered(shipment, $"reading shipment {id} at KR"))
            {
                continue;
            }

            var status = shipments[id] = shipment.Json.GetProperty("status").GetString()!;
            var ready = shipment.Json.GetProperty("items").EnumerateArray()
                .All(i => !orders.TryGetValue(i.GetProperty("orderId").GetString()!, out var order) || order.AtLeast("Booked"));
            if (!ready || status == "Arrived")
            {
                continue;
            }

            foreach (var kind in status == "Departed" ? ["Arrived"] : new[] { "Departed", "Arrived" })
            {
                var reply = await krOperator.PostAsync($"/api/logistics/shipments/{id}/tracking", new { kind });
                if (!reply.Ok)
                {
                    Console.WriteLine($"  ! shipment {id} {kind}: {(int)reply.Status} {reply.Body}");
                    break;
                }

                shipments[id] = kind;
            }
        }
    }

    private async Task DeliverAsync(TrackedOrder order, CancellationToken cancellationToken)
    {
        foreach (var kind in new[] { "OutForDelivery", "Delivered" })
        {
            var reply = await krOperator.PostAsync($"/api/logistics/consignments/{order.ConsignmentId}/tracking", new { kind }, cancellationToken: cancellationToken);
            if (!reply.Ok && !(reply.Status == HttpStatusCode.Conflict && Already(reply, kind)))
            {
                Console.WriteLine($"  ! consignment {order.ConsignmentId} ({order.Id}) {kind}: {(int)reply.Status} {reply.Body}");
                return;
            }
        }

        order.DeliveryRecorded = true;
    }

    // An operator whose call failed (a service restarting, say) tries again on the next round; one such failure is
    // told every 10 s.
    private bool Answered(Reply reply, string what)
    {
        if (!reply.Ok && DateTime.UtcNow >= quietUntil)
        {
            Console.WriteLine($"  ! {what}: {(int)reply.Status} {reply.Body[..Math.Min(300, reply.Body.Length)]}; tried again each round");
            quietUntil = DateTime.UtcNow.AddSeconds(10);
        }

        return reply.Ok;
    }

    // A repeat after an answer that got lost: the consignment is already past that milestone.
    private static bool Already(Reply reply, string kind) =>
        reply.Body.Contains(kind == "OutForDelivery" ? "is OutForDelivery" : "is Delivered", StringComparison.Ordinal)
        || (kind == "OutForDelivery" && reply.Body.Contains("is Delivered", StringComparison.Ordinal));
}
