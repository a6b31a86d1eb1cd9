using System.Net;
using System.Net.Http.Json;
using Google.Protobuf.WellKnownTypes;
using Hub.Contracts.Values;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Order.V1;
using Hub.Testing;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Order.Tests.Endpoints;

/// <summary>KR with partner CN (answering) and MY (down), for reading the orders of KR's suppliers that CN owns.</summary>
public sealed class PartnerOrderFixture : OrderFixture
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Partners:CN:Gateway"] = Fakes.Address;
        settings["Partners:CN:GatewayGrpc"] = Fakes.Address;
        settings["Partners:CN:Secret"] = "kr-cn-test-secret";
        var down = TestPorts.FreeAddress();
        settings["Partners:MY:Gateway"] = down;
        settings["Partners:MY:GatewayGrpc"] = down;
        settings["Partners:MY:Secret"] = "kr-my-test-secret";
        settings["Grpc:Client:AttemptDeadline"] = "00:00:01";
    }
}

/// <summary>A supplier of this hub follows, from here, the orders that partner hubs' buyers placed for its goods.</summary>
public class PartnerOrderReadTests(PartnerOrderFixture fixture) : IClassFixture<PartnerOrderFixture>
{
    [Fact]
    public async Task Get_PartnersOrderOfThisHubsSupplier_TheSupplierAndOperatorsSeeItWithItsTimeline_OthersDoNot()
    {
        var supplier = OrderFixture.NewCompany();
        var order = AtCn("CN-O-700001", supplier, "Departed");

        var seen = await OrderFixture.GetAsync(fixture.ClientFor(supplier), order.OrderId);
        var byOperator = await fixture.OperatorClient().GetAsync($"/api/order/orders/{order.OrderId}");
        var byStranger = await fixture.ClientFor(OrderFixture.NewCompany()).GetAsync($"/api/order/orders/{order.OrderId}");

        seen.Status.ShouldBe("Departed");
        seen.SupplierCompany.ShouldBe(supplier.ToString());
        seen.BuyerTotal.ShouldBe(new MoneyResponse(61_234, "CNY"));
        seen.Lines.ShouldHaveSingleItem().LineTotalMinor.ShouldBe(120_000);
        seen.DueBy.ShouldBeNull();
        seen.Timeline!.Select(t => (t.Hub, t.Step)).ShouldBe([("CN", "Placed"), ("KR", "ExportCleared"), ("KR", "Departed")]);
        byOperator.StatusCode.ShouldBe(HttpStatusCode.OK);
        byStranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_OrderOfAHubThatIsNoPartner_NotFound_OfAPartnerThatIsDown_ServiceUnavailable()
    {
        var client = fixture.ClientFor(OrderFixture.NewCompany());

        var unknown = await client.GetAsync("/api/order/orders/JP-O-000001");
        var down = await client.GetAsync("/api/order/orders/MY-O-000001");

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await down.Content.ReadFromJsonAsync<ProblemDetails>())!.Title.ShouldBe("Hub MY did not answer");
    }

    [Fact]
    public async Task Sales_OrdersOfThisHubAndOfPartners_NewestFirst_NamingThePartnerThatDidNotAnswer()
    {
        var supplierId = FakeCatalog.NewSupplier();
        var supplier = CompanyId.Parse(FakeCatalog.CompanyOf(supplierId));
        var local = await PlaceLocalAsync(fixture.Fakes.Catalog.List(supplierId, 1200, 100));
        var remote = AtCn("CN-O-700002", supplier, "Completed", placedAt: DateTime.UtcNow.AddDays(-1));
        AtCn("CN-O-700003", OrderFixture.NewCompany(), "Completed");

        var response = await fixture.ClientFor(supplier).GetFromJsonAsync<SalesResponse>("/api/order/sales");
        var completed = await fixture.ClientFor(supplier).GetFromJsonAsync<SalesResponse>("/api/order/sales?status=completed");

        response!.Orders.Select(o => o.OrderId).ShouldBe([local, remote.OrderId]);
        response.Orders[1].Timeline.ShouldBeNull();
        response.HubsUnanswered.ShouldBe(["MY"]);
        completed!.Orders.Select(o => o.OrderId).ShouldBe([remote.OrderId]);
    }

    [Fact]
    public async Task Sales_ForAnOperator_TheOrdersOfEverySupplierOfThisHub_HereAndAtPartners_NotOthers()
    {
        var supplierId = FakeCatalog.NewSupplier();
        var local = await PlaceLocalAsync(fixture.Fakes.Catalog.List(supplierId, 1200, 100));
        var remote = AtCn("CN-O-700004", OrderFixture.NewCompany(), "Booked");
        var cnSupplier = CompanyId.Parse("CN-C-000777");
        var cnSale = AtCn("CN-O-700005", cnSupplier, "Booked", supplierHub: "CN");

        var sales = await fixture.OperatorClient().GetFromJsonAsync<SalesResponse>("/api/order/sales?limit=200");

        var ids = sales!.Orders.Select(o => o.OrderId).ToList();
        ids.ShouldContain(local);
        ids.ShouldContain(remote.OrderId);
        ids.ShouldNotContain(cnSale.OrderId, "a CN supplier's sale at CN is none of KR's");
        sales.Orders.ShouldAllBe(o => o.SupplierCompany.StartsWith("KR-", StringComparison.Ordinal));
        sales.HubsUnanswered.ShouldBe(["MY"]);
    }

    [Fact]
    public async Task Sales_InPages_WalkEveryOrderHereAndAtPartnersOnceNewestFirst()
    {
        var supplierId = FakeCatalog.NewSupplier();
        var supplier = CompanyId.Parse(FakeCatalog.CompanyOf(supplierId));
        var product = fixture.Fakes.Catalog.List(supplierId, 1200, 1000);
        var oldest = AtCn("CN-O-700011", supplier, "Completed", placedAt: DateTime.UtcNow.AddDays(-2));
        var first = await PlaceLocalAsync(product);
        var between = AtCn("CN-O-700012", supplier, "Booked", placedAt: DateTime.UtcNow);
        var second = await PlaceLocalAsync(product);
        var third = await PlaceLocalAsync(product);
        var client = fixture.ClientFor(supplier);

        var walked = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<SalesResponse>($"/api/order/sales?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"))!;
            page.Orders.Count.ShouldBeLessThanOrEqualTo(2);
            walked.AddRange(page.Orders.Select(o => o.OrderId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        walked.ShouldBe([third, second, between.OrderId, first, oldest.OrderId]);
        pages.ShouldBe(3);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=eyJQbGFjZWRBdCI6IjIwMjYtMDEtMDFUMDA6MDA6MDAiLCJPcmRlcklkIjoiS1ItTy0wMDAwMDEifQ", "cursor")]
    public async Task Sales_LimitOutOfRangeOrNoCursorOfTheList_BadRequestNamingIt(string query, string field)
    {
        var response = await fixture.ClientFor(OrderFixture.NewCompany()).GetAsync($"/api/order/sales?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe([field]);
    }

    [Theory]
    [InlineData("Shipped")]
    [InlineData("Disputed,PaymentSecured")]
    [InlineData("3")]
    public async Task Sales_UnknownStatus_BadRequestNamingIt(string status)
    {
        var response = await fixture.ClientFor(OrderFixture.NewCompany()).GetAsync($"/api/order/sales?status={status}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.ShouldContainKey("status");
    }

    private OrderView AtCn(string orderId, CompanyId supplier, string status, DateTime? placedAt = null, string supplierHub = "KR")
    {
        var placed = placedAt ?? DateTime.UtcNow.AddHours(-1);
        var order = new OrderView
        {
            OrderId = orderId,
            PurchaseId = Guid.CreateVersion7().ToString(),
            Status = status,
            BuyerCompany = "CN-C-000001",
            SupplierCompany = supplier.ToString(),
            SupplierId = supplier.ToString().Replace("-C-", "-S-", StringComparison.Ordinal),
            SupplierHub = supplierHub,
            GoodsTotalMinor = 120_000,
            Currency = "KRW",
            BuyerTotalMinor = 61_234,
            BuyerCurrency = "CNY",
            PlacedAt = Timestamp.FromDateTime(placed),
            UpdatedAt = Timestamp.FromDateTime(placed.AddMinutes(30)),
            Incoterm = "FOB",
            NamedPlace = "Busan port",
            Mode = "SEA",
            FxQuoteId = "q-1",
            FxQuoteExpiresAt = Timestamp.FromDateTime(placed.AddMinutes(15)),
            FreightMinor = 900,
            FreightCurrency = "CNY",
            DutiesMinor = 4_100,
            DutiesCurrency = "CNY",
            Lines = { new OrderLineView { ProductId = "KR-P-000001", Quantity = 10, UnitPriceMinor = 12_000, Currency = "KRW", PriceVersion = 1, LineTotalMinor = 120_000 } },
            Timeline =
            {
                new TimelineEntry { Sequence = 1, At = Timestamp.FromDateTime(placed), Hub = "CN", Step = "Placed", Cause = "purchase" },
                new TimelineEntry { Sequence = 2, At = Timestamp.FromDateTime(placed.AddMinutes(10)), Hub = "KR", Step = "ExportCleared", Cause = "ExportCleared" },
                new TimelineEntry { Sequence = 3, At = Timestamp.FromDateTime(placed.AddMinutes(20)), Hub = "KR", Step = "Departed", Cause = "ShipmentDeparted" },
            },
        };
        fixture.Fakes.PartnerOrders.Orders[orderId] = order;
        return order;
    }

    private async Task<string> PlaceLocalAsync(string product)
    {
        var response = await OrderFixture.PlaceAsync(fixture.ClientFor(OrderFixture.NewCompany()), OrderFixture.Cart(new CartLineRequest(product, 10, null)), $"sales-{Guid.NewGuid():N}");
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;
    }
}
