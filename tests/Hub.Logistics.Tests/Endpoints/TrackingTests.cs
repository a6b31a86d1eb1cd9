using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using static Hub.Logistics.Tests.Bookings;

namespace Hub.Logistics.Tests.Endpoints;

public sealed class TrackingTests : IAsyncLifetime
{
    private LogisticsHost _host = null!;

    public async Task InitializeAsync() => _host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Tracking_DepartArriveDeliver_GuardsOrderAndPublishesEventsWithOrderIds()
    {
        await _host.CreateLaneAsync("VN", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 100m, sharedRate: 1_000m, earlyCloseFill: 1m);
        var booked = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000401", "KR-C-000001", Lane("VN"), Carton("100", "100", "100", "100")));
        using var client = _host.Operator();
        var plan = await (await client.PostAsync($"/api/logistics/pools/{booked.PoolId}/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        var shipment = plan.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var shipmentTracking = $"/api/logistics/shipments/{shipment}/tracking";
        var consignmentTracking = $"/api/logistics/consignments/{booked.ConsignmentId}/tracking";

        (await client.PostAsJsonAsync(shipmentTracking, new { kind = "Arrived" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsJsonAsync(consignmentTracking, new { kind = "Delivered" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsJsonAsync(shipmentTracking, new { kind = "Departed" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync(shipmentTracking, new { kind = "Departed" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsJsonAsync(shipmentTracking, new { kind = "Arrived" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync(consignmentTracking, new { kind = "OutForDelivery" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync(consignmentTracking, new { kind = "Delivered" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var consignment = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/consignments/{booked.ConsignmentId}");
        consignment.GetProperty("status").GetString().ShouldBe("Delivered");
        var timeline = await _host.Sme("KR-C-000001").GetFromJsonAsync<JsonElement>($"/api/logistics/consignments/{booked.ConsignmentId}/tracking");
        timeline.EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ShouldBe(["Booked", "Departed", "Arrived", "OutForDelivery", "Delivered"]);
        (await _host.Sme("KR-C-000002").GetAsync($"/api/logistics/consignments/{booked.ConsignmentId}/tracking")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var name in new[] { "ShipmentDeparted", "ShipmentArrived", "ConsignmentDelivered" })
        {
            await Eventually.TrueAsync(async () =>
            {
                await using var db = _host.Db();
                var sent = await db.OutboxMessages.Where(m => m.MessageType.Contains(name) && m.SentAt != null).Select(m => m.Body).ToListAsync();
                return sent.Any(body => body.Contains("CN-O-000401", StringComparison.Ordinal));
            }, TimeSpan.FromSeconds(20), $"{name} is published through the outbox");
        }

        await using var check = _host.Db();
        (await _host.OutboxCountAsync("ShipmentDeparted")).ShouldBe(1);
        foreach (var name in new[] { "ShipmentDeparted", "ShipmentArrived", "ConsignmentDelivered" })
        {
            (await _host.OutboxCountAsync(name, hub: "CN")).ShouldBe(1, $"{name} goes to the hub that owns the order");
        }

        (await check.TrackingEvents.CountAsync(t => t.ShipmentId == shipment)).ShouldBe(3);
    }

    [Fact]
    public async Task Tracking_Departure_BillsEachConsignmentItsShareOfTheFreight_ToItsPayer_HereAndAtTheOrdersHub()
    {
        await _host.CreateLaneAsync("VN", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 100_000m, sharedRate: 1_000m, earlyCloseFill: 1m);
        var buyerPays = Request("CN-O-000411", "KR-C-000001", Lane("VN"), Carton("100", "100", "100", "100"));
        buyerPays.FreightPayer = "CN-C-000005";
        var first = await _host.Grpc.BookConsignmentAsync(buyerPays);
        var second = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000412", "KR-C-000001", Lane("VN"), Carton("100", "100", "50", "100")));
        using var client = _host.Operator();
        var plan = await (await client.PostAsync($"/api/logistics/pools/{first.PoolId}/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        var shipment = plan.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem();
        var bill = shipment.GetProperty("freightAmount").GetDecimal();
        (await _host.OutboxCountAsync("FreightBilled")).ShouldBe(0, "nothing is billed before the shipment departs");

        var tracking = $"/api/logistics/shipments/{shipment.GetProperty("id").GetGuid()}/tracking";
        (await client.PostAsJsonAsync(tracking, new { kind = "Departed" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync(tracking, new { kind = "Departed" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await using var db = _host.Db();
        var local = (await db.OutboxMessages.Where(m => m.MessageType.Contains("FreightBilled") && m.Destination == null).Select(m => m.Body).ToListAsync())
            .Select(b => JsonDocument.Parse(b).RootElement).ToDictionary(b => b.GetProperty("consignmentId").GetString()!);
        local.Count.ShouldBe(2);
        local[first.ConsignmentId].GetProperty("payerCompany").GetString().ShouldBe("CN-C-000005");
        local[second.ConsignmentId].GetProperty("payerCompany").GetString().ShouldBe("KR-C-000001");
        local.Values.ShouldAllBe(b => b.GetProperty("currency").GetString() == "KRW");
        local.Values.ShouldAllBe(b => b.GetProperty("masterBill").GetString() == shipment.GetProperty("masterBill").GetString());
        // The shares are the shipment's bill, allocated by chargeable weight (the first consignment weighs more).
        local.Values.Sum(b => b.GetProperty("amountMinorUnits").GetInt64()).ShouldBe((long)bill);
        local[first.ConsignmentId].GetProperty("amountMinorUnits").GetInt64().ShouldBeGreaterThan(local[second.ConsignmentId].GetProperty("amountMinorUnits").GetInt64());
        (await _host.OutboxCountAsync("FreightBilled", hub: "CN")).ShouldBe(2, "each bill goes to the hub that owns the order");
    }

    [Fact]
    public async Task Tracking_TimeBeforeTheStepItFollows_ProblemNamingOccurredAtAndNothingRecordedOrPublished()
    {
        await _host.CreateLaneAsync("VN", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 100m, sharedRate: 1_000m, earlyCloseFill: 1m);
        var booked = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000402", "KR-C-000001", Lane("VN"), Carton("100", "100", "100", "100")));
        using var client = _host.Operator();
        var plan = await (await client.PostAsync($"/api/logistics/pools/{booked.PoolId}/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        var shipment = plan.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var shipmentTracking = $"/api/logistics/shipments/{shipment}/tracking";
        var consignmentTracking = $"/api/logistics/consignments/{booked.ConsignmentId}/tracking";
        var bookedAt = _host.Clock.GetUtcNow().UtcDateTime;
        async Task RefusedAsync(string path, string kind, DateTime occurredAt)
        {
            var response = await client.PostAsJsonAsync(path, new { kind, occurredAt });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{kind} at {occurredAt:O}");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("occurredAt")[0].GetString()!.ShouldContain("before");
        }

        await RefusedAsync(shipmentTracking, "Departed", bookedAt.AddHours(-1));
        (await client.PostAsJsonAsync(shipmentTracking, new { kind = "Departed", occurredAt = bookedAt })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _host.Clock.Advance(TimeSpan.FromHours(6));
        await RefusedAsync(shipmentTracking, "Arrived", DateTime.MinValue);
        await RefusedAsync(shipmentTracking, "Arrived", bookedAt.AddSeconds(-1));
        (await client.PostAsJsonAsync(shipmentTracking, new { kind = "Arrived", occurredAt = bookedAt.AddHours(2) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RefusedAsync(consignmentTracking, "OutForDelivery", bookedAt.AddHours(1));
        (await client.PostAsJsonAsync(consignmentTracking, new { kind = "OutForDelivery", occurredAt = bookedAt.AddHours(3) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RefusedAsync(consignmentTracking, "Delivered", DateTime.MinValue);
        await RefusedAsync(consignmentTracking, "Delivered", bookedAt.AddHours(2).AddMinutes(30));
        (await client.PostAsJsonAsync(consignmentTracking, new { kind = "Delivered", occurredAt = bookedAt.AddHours(4) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var consignment = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/consignments/{booked.ConsignmentId}");
        consignment.GetProperty("deliveredAt").GetDateTime().ToUniversalTime().ShouldBe(bookedAt.AddHours(4));
        var timeline = await client.GetFromJsonAsync<JsonElement>(consignmentTracking);
        timeline.EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ShouldBe(["Booked", "Departed", "Arrived", "OutForDelivery", "Delivered"]);
        timeline.EnumerateArray().Select(t => t.GetProperty("occurredAt").GetDateTime()).ShouldBeInOrder();
        foreach (var name in new[] { "ShipmentDeparted", "ShipmentArrived", "ConsignmentDelivered" })
        {
            (await _host.OutboxCountAsync(name, hub: "CN")).ShouldBe(1, name);
        }
    }

    [Fact]
    public async Task Tracking_SplitConsignmentShipmentsRecordedAtOnce_ConsignmentDepartsAndArrives()
    {
        // A 1 m³ box: two 0.9 m³ cartons fill the pool past its threshold and go in two containers.
        await _host.CreateLaneAsync("TH", "SEA", usableM3: 1m, payloadKg: 10_000m, fullLoadRate: 1_000m, sharedRate: 1_000_000m, earlyCloseFill: 1m);
        using var client = _host.Operator();
        for (var round = 1; round <= 4; round++)
        {
            var booked = await _host.Grpc.BookConsignmentAsync(Request($"CN-O-00050{round}", "KR-C-000001", Lane("TH"), Carton("100", "100", "90", "100", quantity: 2)));
            JsonElement plan = default;
            await Eventually.TrueAsync(async () =>
            {
                var response = await client.GetAsync($"/api/logistics/pools/{booked.PoolId}/plan");
                plan = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
                return response.IsSuccessStatusCode;
            }, TimeSpan.FromSeconds(20), "the full pool is planned");
            var shipments = plan.GetProperty("shipments").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
            shipments.Count.ShouldBe(2);

            foreach (var kind in new[] { "Departed", "Arrived" })
            {
                var recorded = await Task.WhenAll(shipments.Select(s => client.PostAsJsonAsync($"/api/logistics/shipments/{s}/tracking", new { kind })));
                recorded.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.NoContent, $"{kind} in round {round}");
            }

            var consignment = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/consignments/{booked.ConsignmentId}");
            consignment.GetProperty("status").GetString().ShouldBe("Arrived", $"round {round}");
        }
    }

    [Fact]
    public async Task Tracking_UnknownKindOrMissingShipment_IsRefusedAndChangesNothing()
    {
        using var client = _host.Operator();

        var unknown = await client.PostAsJsonAsync($"/api/logistics/shipments/{Guid.NewGuid()}/tracking", new { kind = "Teleported" });
        var missing = await client.PostAsJsonAsync($"/api/logistics/shipments/{Guid.NewGuid()}/tracking", new { kind = "Departed" });
        var asSme = await _host.Sme("KR-C-000001").PostAsJsonAsync($"/api/logistics/shipments/{Guid.NewGuid()}/tracking", new { kind = "Departed" });

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        asSme.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = _host.Db();
        (await db.TrackingEvents.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }
}
