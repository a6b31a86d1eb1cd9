using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Logistics.Domain.Pools;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using static Hub.Logistics.Tests.Bookings;

namespace Hub.Logistics.Tests.Pools;

public sealed class PoolClosingTests : IAsyncLifetime
{
    private LogisticsHost _host = null!;

    public async Task InitializeAsync() => _host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BookConsignment_PoolFilledPastThreshold_ClosesEarlyIntoAPlanWithItsQuality()
    {
        // A 10 m³ box closing at 50 % fill; full loads are far cheaper than shared space here.
        await _host.CreateLaneAsync("JP", "SEA", usableM3: 10m, payloadKg: 10_000m, fullLoadRate: 1_000_000m, sharedRate: 10_000_000m, earlyCloseFill: 0.5m);
        var lane = Lane("JP");

        // 2 m³ each: the third booking brings the pool to 6 m³ ≥ 5 m³.
        var replies = new List<V1.BookConsignmentReply>();
        for (var i = 1; i <= 3; i++)
        {
            replies.Add(await _host.Grpc.BookConsignmentAsync(Request($"CN-O-00020{i}", $"KR-C-00000{i}", lane, Carton("100", "100", "50", "300", quantity: 4))));
        }

        var next = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000204", "KR-C-000001", lane, Carton("100", "100", "100", "100")));

        replies.Select(r => r.PoolId).Distinct().ShouldHaveSingleItem();
        next.PoolId.ShouldNotBe(replies[0].PoolId);
        using var client = _host.Operator();
        var pool = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/pools/{replies[0].PoolId}");
        pool.GetProperty("status").GetString().ShouldBe(nameof(PoolStatus.Closed));
        pool.GetProperty("closeReason").GetString().ShouldBe(Pool.FillReason);

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/pools/{replies[0].PoolId}/plan");
        plan.GetProperty("mode").GetString().ShouldBe(nameof(LoadMode.FullContainer));
        var quality = plan.GetProperty("quality");
        quality.GetProperty("containers").GetInt32().ShouldBe(1);
        quality.GetProperty("lowerBound").GetInt32().ShouldBe(1);
        quality.GetProperty("firstFitDecreasing").GetInt32().ShouldBe(1);
        quality.GetProperty("volumeFill").GetDouble().ShouldBe(0.6, 1e-9);
        quality.GetProperty("weightFill").GetDouble().ShouldBe(0.36, 1e-9);
        quality.GetProperty("splitConsignments").GetInt32().ShouldBe(0);
        quality.GetProperty("runtimeMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        plan.GetProperty("cost").GetDecimal().ShouldBe(1_000_000m);

        // The container's bill is allocated back to the three consignments and sums exactly.
        var shipment = plan.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/logistics/shipments/{shipment.GetProperty("id").GetGuid()}");
        var items = detail.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(3);
        items.Sum(i => i.GetProperty("freightAmount").GetDecimal()).ShouldBe(1_000_000m);
        items.Select(i => i.GetProperty("freightAmount").GetDecimal()).ShouldBe([333_334m, 333_333m, 333_333m]);
        detail.GetProperty("masterBill").GetString().ShouldStartWith("MB-KR-JP-SEA-");
    }

    [Fact]
    public async Task BookConsignment_AfterThePoolsCutOff_JoinsTheNextCutOffsPool()
    {
        // The cut-off service stays asleep, so the booking itself finds the stale open pool.
        await _host.DisposeAsync();
        _host = await LogisticsHost.StartAsync(new Dictionary<string, string?> { ["Logistics:Pools:ScanInterval"] = "01:00:00" });
        await _host.CreateLaneAsync("SG", "SEA", usableM3: 28m, payloadKg: 28_000m, fullLoadRate: 2_000_000m, sharedRate: 90_000m, earlyCloseFill: 0.9m);
        var early = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000311", "KR-C-000001", Lane("SG"), Carton("50", "50", "50", "10")));

        _host.Clock.Advance(TimeSpan.FromHours(6.5));
        var late = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000312", "KR-C-000001", Lane("SG"), Carton("50", "50", "50", "10")));

        // Monday 03:00 books for Monday 09:00; Monday 09:30 is past it and books for Thursday 09:00.
        early.CutOffAt.ShouldStartWith("2026-11-23T09:00:00");
        late.CutOffAt.ShouldStartWith("2026-11-26T09:00:00");
        late.PoolId.ShouldNotBe(early.PoolId);
        await using var db = _host.Db();
        (await db.Consignments.SingleAsync(c => c.OrderId == "CN-O-000312")).PoolId.ShouldBe(Guid.Parse(late.PoolId));
        var stale = await db.Pools.SingleAsync(p => p.Id == Guid.Parse(early.PoolId));
        stale.Status.ShouldBe(PoolStatus.Closing);
        stale.CloseReason.ShouldBe(Pool.CutOffReason);
    }

    [Fact]
    public async Task Pool_PastItsCutOff_IsPlannedByTheCutOffServiceInSharedSpaceWhenCheaper()
    {
        await _host.CreateLaneAsync("TH", "SEA", usableM3: 28m, payloadKg: 28_000m, fullLoadRate: 2_000_000m, sharedRate: 90_000m, earlyCloseFill: 0.9m);
        var booked = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000301", "KR-C-000001", Lane("TH"), Carton("100", "100", "100", "500")));

        _host.Clock.Advance(TimeSpan.FromHours(7));

        await Eventually.TrueAsync(async () =>
        {
            await using var db = _host.Db();
            return await db.Plans.AnyAsync(p => p.PoolId == Guid.Parse(booked.PoolId));
        }, TimeSpan.FromSeconds(20), "the cut-off service plans the pool");
        await using var check = _host.Db();
        var pool = await check.Pools.SingleAsync(p => p.Id == Guid.Parse(booked.PoolId));
        pool.CloseReason.ShouldBe(Pool.CutOffReason);
        var plan = await check.Plans.SingleAsync(p => p.PoolId == pool.Id);
        plan.Mode.ShouldBe(LoadMode.SharedSpace);
        plan.Cost.ShouldBe(90_000m);
        (await check.Consignments.SingleAsync(c => c.OrderId == "CN-O-000301")).HouseBill.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Pool_ClosedAtItsCutOff_IsBilledOnTheTermsBeforeARevisionFromThatCutOff()
    {
        await _host.CreateLaneAsync("KH", "SEA", usableM3: 28m, payloadKg: 28_000m, fullLoadRate: 2_000_000m, sharedRate: 90_000m, earlyCloseFill: 0.9m);
        var booked = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000351", "KR-C-000001", Lane("KH"), Carton("100", "100", "100", "500")));
        using var op = _host.Operator();
        var cutOff = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var revised = await op.PutAsJsonAsync("/api/logistics/lanes/KR-KH-SEA", new
        {
            cutOffWeekdays = new[] { 1, 4 },
            cutOffTimeUtc = "09:00",
            earlyCloseFill = 0.9m,
            volumetricDivisor = 6000,
            currency = "KRW",
            sharedRate = 190_000m,
            validFrom = cutOff,
            containers = new[] { new { code = "BOX", usableVolumeM3 = 28m, payloadKg = 28_000m, fullLoadRate = 2_000_000m } },
        });

        _host.Clock.Advance(TimeSpan.FromHours(7));

        await Eventually.TrueAsync(async () =>
        {
            await using var db = _host.Db();
            return await db.Plans.AnyAsync(p => p.PoolId == Guid.Parse(booked.PoolId));
        }, TimeSpan.FromSeconds(20), "the cut-off service plans the pool");
        revised.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var check = _host.Db();
        (await check.Plans.SingleAsync(p => p.PoolId == Guid.Parse(booked.PoolId))).Cost.ShouldBe(90_000m);
        var estimate = new V1.EstimateFreightRequest { Lane = Lane("KH") };
        estimate.Cartons.Add(Carton("100", "100", "100", "500"));
        (await _host.Grpc.EstimateFreightAsync(estimate)).PriceMinorUnits.ShouldBe(190_000);
    }

    [Fact]
    public async Task ClosePool_WhileBookingsJoinIt_AnswersWithThePlanOfEverythingThatJoined()
    {
        // Every booking that joins the pool changes it under the operator's close; the close plans again instead of
        // answering that there is no pool.
        await _host.CreateLaneAsync("VN", "SEA", usableM3: 28m, payloadKg: 28_000m, fullLoadRate: 2_000_000m, sharedRate: 90_000m, earlyCloseFill: 0.99m);
        var first = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000400", "KR-C-000001", Lane("VN"), Carton("40", "40", "40", "10")));
        using var client = _host.Operator();

        var bookings = Enumerable.Range(1, 12).Select(i => BookRetryingAsync(
            Request($"CN-O-0004{i:00}", "KR-C-000001", Lane("VN"), Carton("40", "40", "40", "10")))).ToList();
        var close = client.PostAsync($"/api/logistics/pools/{first.PoolId}/close", null);
        var replies = await Task.WhenAll(bookings);
        using var answer = await close;

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        await using var db = _host.Db();
        var poolId = Guid.Parse(first.PoolId);
        (await db.Pools.SingleAsync(p => p.Id == poolId)).Status.ShouldBe(PoolStatus.Closed);
        var joined = replies.Where(r => r.PoolId == first.PoolId).Select(r => r.ConsignmentId).Append(first.ConsignmentId).ToList();
        var loaded = await db.Consignments.Where(c => c.PoolId == poolId).ToListAsync();
        loaded.Select(c => c.Reference).ShouldBe(joined, ignoreOrder: true);
        loaded.ShouldAllBe(c => c.HouseBill != null);
    }

    // As the order service's gRPC pipeline does: a booking that met the pool busy is sent again.
    private async Task<V1.BookConsignmentReply> BookRetryingAsync(V1.BookConsignmentRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _host.Grpc.BookConsignmentAsync(request);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted && attempt < 20)
            {
                await Task.Delay(20 * attempt);
            }
        }
    }
}
