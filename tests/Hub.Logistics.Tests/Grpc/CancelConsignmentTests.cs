using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Logistics.V1;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using static Hub.Logistics.Tests.Bookings;

namespace Hub.Logistics.Tests.Grpc;

public sealed class CancelConsignmentTests : IAsyncLifetime
{
    private LogisticsHost _host = null!;

    public async Task InitializeAsync() => _host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CancelConsignment_Pooled_LeavesItsPoolIsNeverPlannedAndRepeatsGiveTheSameAnswer()
    {
        await _host.CreateLaneAsync("ID", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 100m, sharedRate: 1_000m, earlyCloseFill: 1m);
        var cancelled = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000601", "KR-C-000001", Lane("ID"), Carton("100", "100", "100", "100")));
        var kept = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000602", "KR-C-000002", Lane("ID"), Carton("100", "100", "50", "40")));

        var reply = await _host.Grpc.CancelConsignmentAsync(new CancelConsignmentRequest { OrderId = "CN-O-000601", Reason = " order cancelled by the buyer " });
        var again = await _host.Grpc.CancelConsignmentAsync(new CancelConsignmentRequest { OrderId = "CN-O-000601", Reason = "payment failed" });

        reply.ConsignmentId.ShouldBe(cancelled.ConsignmentId);
        reply.Status.ShouldBe("Cancelled");
        reply.AlreadyCancelled.ShouldBeFalse();
        reply.CancelReason.ShouldBe("order cancelled by the buyer");
        reply.CancelledAt.ShouldNotBeEmpty();
        again.AlreadyCancelled.ShouldBeTrue();
        again.CancelReason.ShouldBe(reply.CancelReason);
        again.CancelledAt.ShouldBe(reply.CancelledAt);
        (await _host.OutboxCountAsync("ConsignmentCancelled")).ShouldBe(1);
        (await _host.OutboxCountAsync("ConsignmentCancelled", hub: "CN")).ShouldBe(1, "the order's own hub is told too");
        await using (var db = _host.Db())
        {
            var pool = await db.Pools.SingleAsync(p => p.Id == Guid.Parse(kept.PoolId));
            pool.Consignments.ShouldBe(1);
            pool.VolumeCm3.ShouldBe(500_000m);
            pool.WeightKg.ShouldBe(40m);
        }

        using var client = _host.Operator();
        var plan = await (await client.PostAsync($"/api/logistics/pools/{kept.PoolId}/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        var shipment = plan.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var items = (await client.GetFromJsonAsync<JsonElement>($"/api/logistics/shipments/{shipment}")).GetProperty("items").EnumerateArray();
        items.Select(i => i.GetProperty("consignmentId").GetString()).ShouldBe([kept.ConsignmentId]);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/consignments/{cancelled.ConsignmentId}");
        view.GetProperty("status").GetString().ShouldBe("Cancelled");
        view.GetProperty("cancelReason").GetString().ShouldBe("order cancelled by the buyer");
        view.GetProperty("poolId").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("houseBill").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("freightAmount").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task CancelConsignment_PlannedOrMissingOrMalformed_RefusedAndChangesNothing()
    {
        await _host.CreateLaneAsync("PH", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 100m, sharedRate: 1_000m, earlyCloseFill: 1m);
        var booked = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000611", "KR-C-000001", Lane("PH"), Carton("100", "100", "100", "100")));
        using var client = _host.Operator();
        (await client.PostAsync($"/api/logistics/pools/{booked.PoolId}/close", null)).EnsureSuccessStatusCode();

        var planned = await Should.ThrowAsync<RpcException>(async () =>
            await _host.Grpc.CancelConsignmentAsync(new CancelConsignmentRequest { OrderId = "CN-O-000611", Reason = "order failed" }));
        var missing = await Should.ThrowAsync<RpcException>(async () =>
            await _host.Grpc.CancelConsignmentAsync(new CancelConsignmentRequest { OrderId = "CN-O-000699", Reason = "order failed" }));
        var malformed = await Should.ThrowAsync<RpcException>(async () =>
            await _host.Grpc.CancelConsignmentAsync(new CancelConsignmentRequest { OrderId = "nope", Reason = " " }));

        planned.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        planned.Status.Detail.ShouldContain("Planned");
        missing.StatusCode.ShouldBe(StatusCode.NotFound);
        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        malformed.Status.Detail.ShouldContain("order_id");
        malformed.Status.Detail.ShouldContain("reason");
        (await client.GetFromJsonAsync<JsonElement>($"/api/logistics/consignments/{booked.ConsignmentId}")).GetProperty("status").GetString().ShouldBe("Planned");
        (await _host.OutboxCountAsync("ConsignmentCancelled")).ShouldBe(0);
    }

    [Fact]
    public async Task CancelConsignment_PartnerHub_OnlyItsOwnOrders()
    {
        await _host.CreateLaneAsync("SG", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 100m, sharedRate: 1_000m, earlyCloseFill: 1m);
        await _host.Grpc.BookConsignmentAsync(Request("MY-O-000621", "KR-C-000001", Lane("SG"), Carton("50", "50", "50", "10")));
        var asCn = TestSecurity.Bearer(TestSecurity.PartnerHub(HubId.CN));

        var foreign = await Should.ThrowAsync<RpcException>(async () =>
            await _host.Grpc.CancelConsignmentAsync(new CancelConsignmentRequest { OrderId = "MY-O-000621", Reason = "order failed" }, asCn));

        foreign.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        await using var db = _host.Db();
        (await db.Consignments.SingleAsync(c => c.OrderId == "MY-O-000621")).CancelReason.ShouldBeNull();
    }
}
