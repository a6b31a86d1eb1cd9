using System.Net.Http.Json;
using Grpc.Core;
using Hub.Catalog.Endpoints;
using Hub.Catalog.V1;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Tests.Grpc;

public sealed class StockReservationTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static int _orders = 1000;

    private static string NewOrder() => $"KR-O-{Interlocked.Increment(ref _orders):000000}";

    private async Task<string> ListedProductAsync(int stock, int moq = 1, int lowStockThreshold = 0)
    {
        var supplier = await fixture.SupplierAsync();
        return await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: moq, stock: stock) with { LowStockThreshold = lowStockThreshold });
    }

    private static ReserveStockRequest Reserve(string order, params (string Product, int Quantity)[] lines)
    {
        var request = new ReserveStockRequest { OrderId = order };
        request.Lines.AddRange(lines.Select(l => new ReservationLine { ProductId = l.Product, Quantity = l.Quantity }));
        return request;
    }

    private async Task<(int OnHand, int Reserved)> StockOfAsync(string productId)
    {
        await using var db = fixture.CreateDb();
        var stock = await db.StockItems.AsNoTracking().SingleAsync(s => s.ProductId == productId);
        return (stock.OnHand, stock.Reserved);
    }

    [Fact]
    public async Task ReserveStock_FiftyConcurrentOrdersForTenUnits_NeverOversell()
    {
        var product = await ListedProductAsync(stock: 10);
        var quantities = Enumerable.Range(0, 50).Select(i => 1 + (i % 3)).ToList();
        var replies = await Task.WhenAll(quantities.Select(q => fixture.Grpc.ReserveStockAsync(Reserve(NewOrder(), (product, q))).ResponseAsync));

        var reserved = replies.Where(r => r.Reserved).Sum(r => r.Lines.Single().Quantity);
        // A one-unit order is only refused when nothing is left, and 17 of them compete: the stock must end at zero.
        reserved.ShouldBe(10);
        replies.Count(r => r.Status == "rejected").ShouldBe(replies.Count(r => !r.Reserved));
        (await StockOfAsync(product)).ShouldBe((10, reserved));
    }

    [Fact]
    public async Task ReserveStock_ConcurrentOrdersOverTwoProductsInEitherLineOrder_NeitherDeadlockNorOversell()
    {
        var first = await ListedProductAsync(stock: 10);
        var second = await ListedProductAsync(stock: 10);
        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => fixture.Grpc.ReserveStockAsync(i % 2 == 0
            ? Reserve(NewOrder(), (first, 1), (second, 1))
            : Reserve(NewOrder(), (second, 1), (first, 1))).ResponseAsync));

        replies.Count(r => r.Reserved).ShouldBe(10);
        (await StockOfAsync(first)).ShouldBe((10, 10));
        (await StockOfAsync(second)).ShouldBe((10, 10));
    }

    [Fact]
    public async Task ReserveStock_SameOrderRepeated_ReservesOnce()
    {
        var product = await ListedProductAsync(stock: 20);
        var order = NewOrder();
        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 4))).ResponseAsync));
        var again = await fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 4)));

        replies.Append(again).ShouldAllBe(r => r.Reserved && r.Status == "reserved" && r.OrderId == order);
        (await StockOfAsync(product)).ShouldBe((20, 4));
        (await fixture.OutboxBodiesAsync("StockReserved")).Count(b => b.Contains(order, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ReserveStock_OneLineShort_ReservesNothing_AndReplayKeepsTheOutcome()
    {
        var plenty = await ListedProductAsync(stock: 100);
        using var supplier = await fixture.SupplierAsync();
        var scarce = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 1, stock: 2));
        var order = NewOrder();

        var reply = await fixture.Grpc.ReserveStockAsync(Reserve(order, (plenty, 10), (scarce, 3)));
        reply.Reserved.ShouldBeFalse();
        reply.Status.ShouldBe("rejected");
        reply.RejectionReason.ShouldContain($"{scarce}: 3 requested, 2 available");
        (await StockOfAsync(plenty)).ShouldBe((100, 0));
        (await StockOfAsync(scarce)).ShouldBe((2, 0));

        // Even once the stock is there, the order's answer stays the one it got: an order id is reserved once.
        (await supplier.PutAsJsonAsync($"/api/catalog/products/{scarce}/stock", new StockRequest(50, null))).EnsureSuccessStatusCode();
        var replay = await fixture.Grpc.ReserveStockAsync(Reserve(order, (scarce, 3), (plenty, 10)));
        replay.Status.ShouldBe("rejected");
        replay.RejectionReason.ShouldBe(reply.RejectionReason);
        (await StockOfAsync(plenty)).ShouldBe((100, 0));
        (await StockOfAsync(scarce)).ShouldBe((50, 0));
    }

    [Fact]
    public async Task ReserveStock_SameOrderOtherLines_IsFailedPrecondition()
    {
        var product = await ListedProductAsync(stock: 20);
        var order = NewOrder();
        await fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 2)));

        var ex = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 3))).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await StockOfAsync(product)).ShouldBe((20, 2));
    }

    [Fact]
    public async Task ReserveStock_UnlistedOrUnknownProduct_IsRejected()
    {
        var supplier = await fixture.SupplierAsync();
        var draft = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(stock: 50), list: false);
        var reply = await fixture.Grpc.ReserveStockAsync(Reserve(NewOrder(), (draft, 1), ("KR-P-999999", 1)));
        reply.Status.ShouldBe("rejected");
        reply.RejectionReason.ShouldContain($"{draft}: draft, not listed");
        reply.RejectionReason.ShouldContain("KR-P-999999: no such product");
        (await StockOfAsync(draft)).ShouldBe((50, 0));
    }

    [Theory]
    [InlineData("not-an-order", "KR-P-000001", 1)]
    [InlineData("KR-O-000001", "KR-X-1", 1)]
    [InlineData("KR-O-000001", "KR-P-000001", 0)]
    public async Task ReserveStock_MalformedRequest_IsInvalidArgument(string order, string product, int quantity)
    {
        var ex = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.ReserveStockAsync(Reserve(order, (product, quantity))).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task ReserveStock_LinesOfOneProductAddingUpPastTheLargestQuantity_IsInvalidArgumentNamingThemAndReservesNothing()
    {
        var product = await ListedProductAsync(stock: 20);
        var order = NewOrder();

        var ex = await Should.ThrowAsync<RpcException>(() =>
            fixture.Grpc.ReserveStockAsync(Reserve(order, (product, int.MaxValue), (product, int.MaxValue))).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("lines[0].quantity, lines[1].quantity");
        ex.Status.Detail.ShouldContain($"{product} add up to 4294967294 units");
        (await StockOfAsync(product)).ShouldBe((20, 0));
        await using var db = fixture.CreateDb();
        (await db.Reservations.AnyAsync(r => r.OrderId == order)).ShouldBeFalse();
    }

    [Fact]
    public async Task ReleaseStock_RestoresStock_AndRepeatsChangeNothing()
    {
        var product = await ListedProductAsync(stock: 10);
        var order = NewOrder();
        await fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 6)));
        (await StockOfAsync(product)).ShouldBe((10, 6));

        var first = await fixture.Grpc.ReleaseStockAsync(new OrderStockRequest { OrderId = order });
        var second = await fixture.Grpc.ReleaseStockAsync(new OrderStockRequest { OrderId = order });

        first.Status.ShouldBe("released");
        second.Status.ShouldBe("released");
        (await StockOfAsync(product)).ShouldBe((10, 0));
        (await fixture.OutboxBodiesAsync("StockReleased")).Count(b => b.Contains(order, StringComparison.Ordinal)).ShouldBe(1);
        var ex = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.CommitStockAsync(new OrderStockRequest { OrderId = order }).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task CommitStock_MakesReservationPermanent()
    {
        var product = await ListedProductAsync(stock: 10);
        var order = NewOrder();
        await fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 4)));

        (await fixture.Grpc.CommitStockAsync(new OrderStockRequest { OrderId = order })).Status.ShouldBe("committed");
        (await fixture.Grpc.CommitStockAsync(new OrderStockRequest { OrderId = order })).Reserved.ShouldBeTrue();

        (await StockOfAsync(product)).ShouldBe((6, 0));
        var release = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.ReleaseStockAsync(new OrderStockRequest { OrderId = order }).ResponseAsync);
        release.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await StockOfAsync(product)).ShouldBe((6, 0));
    }

    [Fact]
    public async Task ReturnStock_Committed_PutsTheUnitsBackOnHandOnce()
    {
        var product = await ListedProductAsync(stock: 10);
        var order = NewOrder();
        await fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 4)));
        await fixture.Grpc.CommitStockAsync(new OrderStockRequest { OrderId = order });

        var first = await fixture.Grpc.ReturnStockAsync(new OrderStockRequest { OrderId = order });
        var second = await fixture.Grpc.ReturnStockAsync(new OrderStockRequest { OrderId = order });

        first.Status.ShouldBe("returned");
        second.Status.ShouldBe("returned");
        (await StockOfAsync(product)).ShouldBe((10, 0));
        (await fixture.OutboxBodiesAsync("StockReturned")).Count(b => b.Contains(order, StringComparison.Ordinal)).ShouldBe(1);
        var commit = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.CommitStockAsync(new OrderStockRequest { OrderId = order }).ResponseAsync);
        commit.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task ReturnStock_OnlyReserved_IsFailedPreconditionAndChangesNothing()
    {
        var product = await ListedProductAsync(stock: 10);
        var order = NewOrder();
        await fixture.Grpc.ReserveStockAsync(Reserve(order, (product, 4)));

        var ex = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.ReturnStockAsync(new OrderStockRequest { OrderId = order }).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await StockOfAsync(product)).ShouldBe((10, 4));
    }

    [Fact]
    public async Task ReleaseStock_UnknownOrder_IsNotFound()
    {
        var ex = await Should.ThrowAsync<RpcException>(() => fixture.Grpc.ReleaseStockAsync(new OrderStockRequest { OrderId = NewOrder() }).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task ReserveStock_CrossingLowStockThreshold_PublishesStockLowOnce()
    {
        var product = await ListedProductAsync(stock: 10, lowStockThreshold: 5);
        await fixture.Grpc.ReserveStockAsync(Reserve(NewOrder(), (product, 4)));
        (await fixture.OutboxBodiesAsync("StockLow")).ShouldNotContain(b => b.Contains(product, StringComparison.Ordinal));

        await fixture.Grpc.ReserveStockAsync(Reserve(NewOrder(), (product, 2)));
        await fixture.Grpc.ReserveStockAsync(Reserve(NewOrder(), (product, 1)));
        var low = (await fixture.OutboxBodiesAsync("StockLow")).Where(b => b.Contains(product, StringComparison.Ordinal)).ToList();
        low.Count.ShouldBe(1);
        System.Text.Json.JsonDocument.Parse(low[0]).RootElement.GetProperty("available").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task GetProducts_QuotesTierPriceAndKeepsOldPriceVersions()
    {
        var supplier = await fixture.SupplierAsync();
        var request = Requests.Product(moq: 10, stock: 500, tiers: [new PriceTierDto(10, 12_000m), new PriceTierDto(100, 10_500m)]);
        var product = await CatalogFixture.CreateProductAsync(supplier, request);

        var before = await fixture.Grpc.GetProductsAsync(Items((product, 150, 0), (product, 5, 0), ("KR-P-999998", 1, 0)));
        before.Products[0].ShouldSatisfyAllConditions(
            q => q.Found.ShouldBeTrue(),
            q => q.Status.ShouldBe("listed"),
            q => q.UnitPriceMinor.ShouldBe(10_500),
            q => q.LineTotalMinor.ShouldBe(1_575_000),
            q => q.Currency.ShouldBe("KRW"),
            q => q.PriceVersion.ShouldBe(1),
            q => q.MeetsMoq.ShouldBeTrue(),
            q => q.Available.ShouldBe(500),
            q => q.HsCode.ShouldBe("851830"),
            q => q.UnitsPerCarton.ShouldBe(50));
        await using (var db = fixture.CreateDb())
        {
            var supplierId = before.Products[0].SupplierId;
            var registered = await db.Suppliers.SingleAsync(s => s.Id == supplierId);
            before.Products[0].SupplierCompany.ShouldBe(registered.CompanyId, "the order is placed with and paid to that company");
            before.Products[0].SupplierName.ShouldBe(registered.Name, "its declarations name the exporter as it registered");
            registered.Name.ShouldNotBeNullOrWhiteSpace();
        }

        before.Products[1].MeetsMoq.ShouldBeFalse();
        before.Products[1].UnitPriceMinor.ShouldBe(12_000);
        before.Products[2].Found.ShouldBeFalse();

        var changed = await supplier.PutAsJsonAsync($"/api/catalog/products/{product}",
            request with { Prices = new PricesDto("KRW", [new PriceTierDto(10, 11_000m), new PriceTierDto(100, 9_900m)]) });
        changed.EnsureSuccessStatusCode();

        var after = await fixture.Grpc.GetProductsAsync(Items((product, 150, 0), (product, 150, 1)));
        after.Products[0].PriceVersion.ShouldBe(2);
        after.Products[0].UnitPriceMinor.ShouldBe(9_900);
        after.Products[1].PriceVersion.ShouldBe(1);
        after.Products[1].UnitPriceMinor.ShouldBe(10_500);
    }

    [Fact]
    public async Task GetProducts_DraftIsNotFoundToPartnersAndThisHub_DelistedIsStillQuoted()
    {
        var supplier = await fixture.SupplierAsync();
        var draft = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(stock: 20), list: false);
        var delisted = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(stock: 20));
        (await supplier.PostAsync($"/api/catalog/products/{delisted}/delist", null)).EnsureSuccessStatusCode();
        var asCn = TestSecurity.Bearer(TestSecurity.PartnerHub(HubId.Parse("CN")));

        var partner = await fixture.Grpc.GetProductsAsync(Items((draft, 1, 0), (delisted, 1, 1)), asCn);
        var own = await fixture.Grpc.GetProductsAsync(Items((draft, 1, 0), (delisted, 1, 0)));

        partner.Products[0].ShouldSatisfyAllConditions(
            q => q.Found.ShouldBeFalse(),
            q => q.ProductId.ShouldBe(draft),
            q => q.Title.ShouldBeEmpty(),
            q => q.HsCode.ShouldBeEmpty(),
            q => q.UnitPriceMinor.ShouldBe(0),
            q => q.Available.ShouldBe(0),
            q => q.SupplierId.ShouldBeEmpty());
        own.Products[0].Found.ShouldBeFalse();
        partner.Products[1].ShouldSatisfyAllConditions(
            q => q.Found.ShouldBeTrue(),
            q => q.Status.ShouldBe("delisted"),
            q => q.PriceVersion.ShouldBe(1));
        own.Products[1].Found.ShouldBeTrue();
    }

    [Fact]
    public async Task GetProducts_LineCostingMoreThanALineMay_IsOutOfRangeNamingTheItem()
    {
        var supplier = await fixture.SupplierAsync();
        var dear = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 1, tiers: [new PriceTierDto(1, 1_000_000_000_000m)]));
        var cheap = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 1));

        var refused = await Should.ThrowAsync<RpcException>(async () => await fixture.Grpc.GetProductsAsync(Items((cheap, 5, 0), (dear, 10_000_000, 0))));
        var most = await fixture.Grpc.GetProductsAsync(Items((dear, 1_000, 0)));

        refused.StatusCode.ShouldBe(StatusCode.OutOfRange);
        refused.Status.Detail.ShouldStartWith("items[1].quantity: ");
        refused.Trailers.GetValue("item").ShouldBe("1");
        most.Products[0].LineTotalMinor.ShouldBe(1_000_000_000_000_000);
    }

    private static GetProductsRequest Items(params (string Product, int Quantity, int Version)[] items)
    {
        var request = new GetProductsRequest();
        request.Items.AddRange(items.Select(i => new ProductQuantity { ProductId = i.Product, Quantity = i.Quantity, PriceVersion = i.Version }));
        return request;
    }

    [Fact]
    public async Task PartnerHub_ReservesAndReleasesForItsOwnOrders_NeverForAnotherHubs()
    {
        var product = await ListedProductAsync(stock: 10);
        var theirs = $"CN-O-{Interlocked.Increment(ref _orders):000000}";
        var ours = NewOrder();
        await fixture.Grpc.ReserveStockAsync(Reserve(ours, (product, 2)));
        var asCn = TestSecurity.Bearer(TestSecurity.PartnerHub(HubId.Parse("CN")));

        var reserved = await fixture.Grpc.ReserveStockAsync(Reserve(theirs, (product, 3)), asCn);
        var reserveOurs = await Should.ThrowAsync<RpcException>(async () => await fixture.Grpc.ReserveStockAsync(Reserve(NewOrder(), (product, 1)), asCn));
        var releaseOurs = await Should.ThrowAsync<RpcException>(async () => await fixture.Grpc.ReleaseStockAsync(new OrderStockRequest { OrderId = ours }, asCn));
        var commitOurs = await Should.ThrowAsync<RpcException>(async () => await fixture.Grpc.CommitStockAsync(new OrderStockRequest { OrderId = ours }, asCn));

        reserved.Reserved.ShouldBeTrue();
        reserveOurs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        releaseOurs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        releaseOurs.Status.Detail.ShouldContain(ours);
        commitOurs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await StockOfAsync(product)).ShouldBe((10, 5), "this hub's reservation stands, the partner's own is made");
        (await fixture.Grpc.ReleaseStockAsync(new OrderStockRequest { OrderId = theirs }, asCn)).Status.ShouldBe("released");
    }
}
