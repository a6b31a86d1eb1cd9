using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Logistics.Domain.Consignments;
using Microsoft.EntityFrameworkCore;
using static Hub.Logistics.Tests.Bookings;

namespace Hub.Logistics.Tests.Grpc;

public sealed class BookConsignmentTests : IAsyncLifetime
{
    private LogisticsHost _host = null!;

    public async Task InitializeAsync() => _host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BookConsignment_SameOrderTwice_BooksOneConsignmentAndOneEvent()
    {
        var request = Request("CN-O-000101", "KR-C-000001", Lane(), Carton("60", "40", "40", "18", quantity: 3));

        var first = await _host.Grpc.BookConsignmentAsync(request);
        var second = await _host.Grpc.BookConsignmentAsync(request);

        first.AlreadyBooked.ShouldBeFalse();
        first.Status.ShouldBe("Pooled");
        first.ChargeableUnit.ShouldBe("rt");
        first.ChargeableWeight.ShouldBe("0.288");
        second.AlreadyBooked.ShouldBeTrue();
        second.ConsignmentId.ShouldBe(first.ConsignmentId);
        await using var db = _host.Db();
        (await db.Consignments.CountAsync(c => c.OrderId == "CN-O-000101")).ShouldBe(1);
        (await db.Pools.SingleAsync()).Consignments.ShouldBe(1);
        (await _host.OutboxCountAsync("ConsignmentBooked")).ShouldBe(1);
        (await _host.OutboxCountAsync("ConsignmentBooked", hub: "CN")).ShouldBe(1, "the order's own hub is told too");
    }

    [Fact]
    public async Task BookConsignment_SameOrderConcurrently_BooksOneConsignment()
    {
        var request = Request("CN-O-000102", "KR-C-000001", Lane(), Carton("50", "50", "50", "10"));

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _host.Grpc.BookConsignmentAsync(request).ResponseAsync));

        replies.Select(r => r.ConsignmentId).Distinct().ShouldHaveSingleItem();
        replies.Count(r => !r.AlreadyBooked).ShouldBeLessThanOrEqualTo(1);
        await using var db = _host.Db();
        (await db.Consignments.CountAsync(c => c.OrderId == "CN-O-000102")).ShouldBe(1);
        (await _host.OutboxCountAsync("ConsignmentBooked")).ShouldBe(1);
    }

    [Fact]
    public async Task BookConsignment_DifferentOrdersConcurrently_AllJoinOnePoolWithConsistentTotals()
    {
        var requests = Enumerable.Range(1, 5)
            .Select(i => Request($"CN-O-00011{i}", "KR-C-000001", Lane(), Carton("100", "100", "100", "100")))
            .ToList();

        var replies = await Task.WhenAll(requests.Select(r => _host.Grpc.BookConsignmentAsync(r).ResponseAsync));

        replies.Select(r => r.PoolId).Distinct().ShouldHaveSingleItem();
        await using var db = _host.Db();
        var pool = await db.Pools.SingleAsync();
        pool.Consignments.ShouldBe(5);
        pool.VolumeCm3.ShouldBe(5_000_000m);
        pool.WeightKg.ShouldBe(500m);
        (await _host.OutboxCountAsync("ConsignmentBooked")).ShouldBe(5);
    }

    [Fact]
    public async Task BookConsignment_BadCartons_InvalidArgumentNamingTheFieldAndNothingSaved()
    {
        (V1.Carton Carton, string Field)[] cases =
        [
            (Carton("0", "40", "40", "10"), "cartons[0].length_cm"),
            (Carton("60", "-1", "40", "10"), "cartons[0].width_cm"),
            (Carton("60", "40", "abc", "10"), "cartons[0].height_cm"),
            (Carton("60", "40", "40", "0"), "cartons[0].weight_kg"),
            (Carton("60", "40", "40", "10", quantity: -2), "cartons[0].quantity"),
        ];
        foreach (var (carton, field) in cases)
        {
            var request = Request("CN-O-000103", "KR-C-000001", Lane(), carton);

            var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.BookConsignmentAsync(request).ResponseAsync);

            error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
            error.Status.Detail.ShouldContain(field);
        }

        await using var db = _host.Db();
        (await db.Consignments.CountAsync()).ShouldBe(0);
        (await db.Pools.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task BookConsignment_BadIdsOrUnknownLane_IsRefused()
    {
        var badIds = await Should.ThrowAsync<RpcException>(() =>
            _host.Grpc.BookConsignmentAsync(Request("order-1", "KR-X-1", Lane(), Carton("10", "10", "10", "1"))).ResponseAsync);
        var noLane = await Should.ThrowAsync<RpcException>(() =>
            _host.Grpc.BookConsignmentAsync(Request("CN-O-000104", "KR-C-000001", Lane(destination: "JP"), Carton("10", "10", "10", "1"))).ResponseAsync);

        badIds.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        badIds.Status.Detail.ShouldContain("order_id");
        badIds.Status.Detail.ShouldContain("company_id");
        noLane.StatusCode.ShouldBe(StatusCode.NotFound);
        await using var db = _host.Db();
        (await db.Consignments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task BookConsignment_FreightPayerNeitherTheSupplierNorOfTheOrdersHub_InvalidArgumentNamingFreightPayerAndNothingSaved()
    {
        foreach (var payer in new[] { "MY-C-000001", "KR-C-000009", "CN-X-1" })
        {
            var request = Request("CN-O-8045822", "KR-C-000001", Lane(), Carton("50", "50", "50", "10"));
            request.FreightPayer = payer;

            var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.BookConsignmentAsync(request).ResponseAsync);

            error.StatusCode.ShouldBe(StatusCode.InvalidArgument, payer);
            error.Status.Detail.ShouldStartWith("freight_payer", Case.Sensitive, payer);
        }

        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task BookConsignment_FreightPayer_TheBuyerOfTheOrdersHubOrNone_IsKeptOnTheConsignment()
    {
        var toBuyer = Request("CN-O-8045823", "KR-C-000001", Lane(), Carton("50", "50", "50", "10"));
        toBuyer.FreightPayer = "CN-C-000007";
        var toSupplier = Request("CN-O-8045824", "KR-C-000001", Lane(), Carton("50", "50", "50", "10"));

        await _host.Grpc.BookConsignmentAsync(toBuyer);
        await _host.Grpc.BookConsignmentAsync(toSupplier);

        await using var db = _host.Db();
        (await db.Consignments.SingleAsync(c => c.OrderId == "CN-O-8045823")).FreightPayer.ShouldBe("CN-C-000007");
        (await db.Consignments.SingleAsync(c => c.OrderId == "CN-O-8045824")).FreightPayer.ShouldBe("KR-C-000001");
    }

    [Fact]
    public async Task BookConsignment_SupplierCompanyOfAnotherHub_InvalidArgumentNamingCompanyIdAndNothingSaved()
    {
        var request = Request("CN-O-8045821", "CN-C-000001", Lane(), Carton("50", "50", "50", "10"));

        var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.BookConsignmentAsync(request).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldStartWith("company_id");
        error.Status.Detail.ShouldContain("hub KR");
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task BookConsignment_QuantityNearIntMax_InvalidArgumentNamingCartonsBeforeBuildingAny()
    {
        // The second entry's count would overflow a running total of 1 and build about 2^31 cartons.
        var request = Request("CN-O-000107", "KR-C-000001", Lane(), Carton("50", "50", "50", "10"), Carton("50", "50", "50", "10", quantity: int.MaxValue));
        var overTheLimit = Request("CN-O-000108", "KR-C-000001", Lane(), Carton("50", "50", "50", "10", quantity: 6_000), Carton("50", "50", "50", "10", quantity: 4_001));

        var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.BookConsignmentAsync(request).ResponseAsync);
        var over = await Should.ThrowAsync<RpcException>(() => _host.Grpc.BookConsignmentAsync(overTheLimit).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldStartWith("cartons[1].quantity");
        error.Status.Detail.ShouldContain("10000");
        over.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        over.Status.Detail.ShouldStartWith("cartons:");
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task BookConsignment_FreightBeyondThePlatformBound_InvalidArgumentNamingCartonsAndNothingSaved()
    {
        var request = Request("CN-O-000109", "KR-C-000001", Lane(), Carton("99999.99", "99999.99", "99999.99", "99999.99", quantity: 10_000));

        var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.BookConsignmentAsync(request).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldStartWith("cartons");
        await AssertNothingSavedAsync();
    }

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _host.Db();
        (await db.Consignments.CountAsync()).ShouldBe(0);
        (await db.Pools.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task BookConsignment_CartonHeavierThanEveryContainer_IsFlaggedAndThePoolStillTakesOthers()
    {
        // 30 t in one carton: more than the payload of any container on KR-CN-SEA.
        var heavy = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000105", "KR-C-000001", Lane(), Carton("200", "200", "200", "30000")));
        var fine = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000106", "KR-C-000001", Lane(), Carton("50", "50", "50", "10")));

        heavy.Status.ShouldBe(nameof(ConsignmentStatus.Flagged));
        heavy.FlagReason.ShouldContain("payload");
        heavy.PoolId.ShouldBeEmpty();
        fine.Status.ShouldBe(nameof(ConsignmentStatus.Pooled));
        fine.PoolId.ShouldNotBeEmpty();
        (await _host.OutboxCountAsync("ConsignmentBooked")).ShouldBe(1);
        (await _host.OutboxCountAsync("ConsignmentFlagged")).ShouldBe(1);

        using var client = _host.Operator();
        var flagged = await client.GetFromJsonAsync<JsonElement>("/api/logistics/consignments?status=Flagged");
        flagged.EnumerateArray().ShouldHaveSingleItem().GetProperty("orderId").GetString().ShouldBe("CN-O-000105");
    }
}
