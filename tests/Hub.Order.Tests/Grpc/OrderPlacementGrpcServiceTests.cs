using System.Net.Http.Json;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Order.V1;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Tests.Grpc;

public class OrderPlacementGrpcServiceTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task PlaceOrder_SameKeyTwice_OnePurchaseSecondReplayed()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = (await MandatedBuyerAsync()).ToString();
        var request = Request(buyer, "grpc-key", fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100), 10);

        var first = await client.PlaceOrderAsync(request, AsPartner);
        var second = await client.PlaceOrderAsync(request, AsPartner);

        first.Replayed.ShouldBeFalse();
        second.Replayed.ShouldBeTrue();
        second.PurchaseId.ShouldBe(first.PurchaseId);
        var order = first.Orders.ShouldHaveSingleItem();
        order.GoodsTotalMinor.ShouldBe(7000);
        order.Status.ShouldBe("Placed");
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == buyer)).ShouldBe(1);
    }

    [Fact]
    public async Task PlaceOrder_BadCart_InvalidArgumentNamingFields()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var request = Request("not-a-company", "", "KR-P-1", 0);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(request, AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("buyer_company");
        ex.Status.Detail.ShouldContain("idempotency_key");
        ex.Status.Detail.ShouldContain("lines[0].quantity");
        ex.Status.Detail.ShouldContain("lines[0].product_id:", Case.Sensitive, "fields are named as the proto names them");
        ex.Status.Detail.ShouldNotContain("productId");
    }

    [Fact]
    public async Task PlaceOrder_NulInALinesText_InvalidArgumentNamingTheFieldAndNothingReserved()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = (await MandatedBuyerAsync()).ToString();
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        var request = Request(buyer, "grpc-nul", product, 10);
        request.Lines.Add(new CartLine { ProductId = product, Quantity = 10, SupplierCompany = "KR-C-\0" });

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(request, AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith("lines[1].supplier_company: ");
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == buyer)).ShouldBe(0);
    }

    [Fact]
    public async Task PlaceOrder_KeyReusedForOtherCart_AlreadyExists()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = (await MandatedBuyerAsync()).ToString();
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        await client.PlaceOrderAsync(Request(buyer, "grpc-reused", product, 10), AsPartner);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer, "grpc-reused", product, 12), AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.AlreadyExists);
    }

    [Fact]
    public async Task PlaceOrder_NamesThePartnerOnTheTimeline()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = (await MandatedBuyerAsync());

        var reply = await client.PlaceOrderAsync(Request(buyer.ToString(), "grpc-named", fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100), 10), AsPartner);

        var order = await OrderFixture.GetAsync(fixture.ClientFor(buyer), reply.Orders.Single().OrderId);
        order.Timeline!.First().Cause.ShouldBe($"purchase {reply.PurchaseId} placed by partner hub CN");
    }

    [Fact]
    public async Task PlaceOrder_BuyerOfAnotherHub_InvalidArgumentAndNothingReserved()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request("CN-C-000777", "grpc-foreign", product, 10), AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("buyer_company");
        ex.Status.Detail.ShouldContain("company of this hub (KR)");
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData("operator", StatusCode.PermissionDenied)]
    [InlineData("sme", StatusCode.PermissionDenied)]
    public async Task PlaceOrder_NotAPartnerHub_RefusedAndNothingReserved(string? caller, StatusCode expected)
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = OrderFixture.NewCompany();
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        var token = caller switch
        {
            "operator" => TestSecurity.Operator(HubId.KR),
            "sme" => TestSecurity.Sme(buyer),
            _ => null,
        };
        var headers = token is null ? null : TestSecurity.Bearer(token);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer.ToString(), "grpc-not-partner", product, 10), headers));

        ex.StatusCode.ShouldBe(expected);
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task PlaceOrder_WithoutTheBuyersMandate_PermissionDeniedAndNothingReserved_ThenPlacedOnceGranted()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = OrderFixture.NewCompany();
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        using var user = fixture.ClientFor(buyer);
        (await user.PutAsync("/api/order/mandates/MY", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest, "MY is no partner of KR");

        var refused = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer.ToString(), "grpc-mandate", product, 10), AsPartner));
        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        refused.Status.Detail.ShouldContain("mandate");
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);

        var granted = await user.PutAsync("/api/order/mandates/CN", null);
        var again = await user.PutAsync("/api/order/mandates/cn", null);
        var placed = await client.PlaceOrderAsync(Request(buyer.ToString(), "grpc-mandate", product, 10), AsPartner);

        granted.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        again.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await user.GetFromJsonAsync<List<MandateResponse>>("/api/order/mandates"))!.ShouldHaveSingleItem().PartnerHub.ShouldBe("CN");
        placed.Orders.ShouldHaveSingleItem();
        fixture.Fakes.Catalog.Available(product).ShouldBe(90);
    }

    [Fact]
    public async Task Mandate_Revoked_ThePartnerPlacesAndChangesNoMore_ButStillSeesWhatItPlaced()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (order, product) = await PlaceAsPartnerAsync("grpc-revoked");
        var buyer = (await client.GetOrderAsync(new OrderRequest { OrderId = order }, AsPartner)).BuyerCompany;
        using var user = fixture.ClientFor(CompanyId.Parse(buyer));

        (await user.DeleteAsync("/api/order/mandates/CN")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        var place = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer, "grpc-revoked-2", product, 10), AsPartner));
        var cancel = await Should.ThrowAsync<RpcException>(async () => await client.CancelOrderAsync(new OrderRequest { OrderId = order }, AsPartner));

        place.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        cancel.StatusCode.ShouldBe(StatusCode.NotFound);
        (await client.GetOrderAsync(new OrderRequest { OrderId = order }, AsPartner)).Status.ShouldBe("Placed");
        (await user.GetFromJsonAsync<List<MandateResponse>>("/api/order/mandates"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetOrder_ThePartnerThatPlacedIt_SeesItsTimeline_OtherPartnersDoNot()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (order, _) = await PlaceAsPartnerAsync("grpc-follow");

        var view = await client.GetOrderAsync(new OrderRequest { OrderId = order }, AsPartner);
        var other = await Should.ThrowAsync<RpcException>(async () => await client.GetOrderAsync(new OrderRequest { OrderId = order }, As(HubId.Parse("MY"))));

        view.Status.ShouldBe("Placed");
        view.GoodsTotalMinor.ShouldBe(7000);
        view.Timeline.Select(t => t.Step).ShouldContain("Placed");
        view.Timeline.Select(t => t.Step).ShouldContain("FundsRequested");
        view.Timeline[0].At.ToDateTime().ShouldBeInRange(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow);
        other.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task CancelOrder_ByThePartnerThatPlacedIt_CancelledAndStockGivenBack()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (order, product) = await PlaceAsPartnerAsync("grpc-cancel");

        var stranger = await Should.ThrowAsync<RpcException>(async () => await client.CancelOrderAsync(new OrderRequest { OrderId = order }, As(HubId.Parse("MY"))));
        fixture.Fakes.Catalog.Available(product).ShouldBe(90, "another partner changes nothing");
        var cancelled = await client.CancelOrderAsync(new OrderRequest { OrderId = order }, AsPartner);

        stranger.StatusCode.ShouldBe(StatusCode.NotFound);
        cancelled.Status.ShouldBe("Cancelled");
        cancelled.Timeline.Last().Cause.ShouldBe("cancelled by hub:CN");
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task DisputeOrder_BeforeDeliveryOrWithoutAReason_RefusedAndUnchanged()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (order, _) = await PlaceAsPartnerAsync("grpc-dispute-early");

        var early = await Should.ThrowAsync<RpcException>(async () => await client.DisputeOrderAsync(new DisputeOrderRequest { OrderId = order, Reason = "damaged" }, AsPartner));
        var blank = await Should.ThrowAsync<RpcException>(async () => await client.DisputeOrderAsync(new DisputeOrderRequest { OrderId = order, Reason = "  " }, AsPartner));

        early.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        blank.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        blank.Status.Detail.ShouldContain("reason");
        (await client.GetOrderAsync(new OrderRequest { OrderId = order }, AsPartner)).Status.ShouldBe("Placed");
        fixture.Fakes.Payment.Disputes.ShouldNotContainKey(order);
    }

    [Fact]
    public async Task ConfirmReceipt_DeliveredOrder_ReleasesTheEscrow_ThenDisputeIsRefused()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (order, _) = await PlaceAsPartnerAsync("grpc-receipt");
        await using (var db = fixture.CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE orders SET status = 'Delivered' WHERE id = {order}");
        }

        var confirmed = await client.ConfirmReceiptAsync(new OrderRequest { OrderId = order }, AsPartner);
        var dispute = await Should.ThrowAsync<RpcException>(async () => await client.DisputeOrderAsync(new DisputeOrderRequest { OrderId = order, Reason = "late" }, AsPartner));

        confirmed.Status.ShouldBe("ReceiptConfirmed");
        fixture.Fakes.Payment.Released.ShouldContain(order);
        dispute.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task ListOrders_ThePartnersOrdersNewestFirst_FilteredByStateAndSupplier()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (first, _) = await PlaceAsPartnerAsync("grpc-list-1");
        var (second, _) = await PlaceAsPartnerAsync("grpc-list-2");
        await client.CancelOrderAsync(new OrderRequest { OrderId = first }, AsPartner);
        var supplierOfSecond = (await client.GetOrderAsync(new OrderRequest { OrderId = second }, AsPartner)).SupplierCompany;

        var all = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 200 }, AsPartner);
        var cancelled = await client.ListOrdersAsync(new ListOrdersRequest { Status = "cancelled", Limit = 200 }, AsPartner);
        var bySupplier = await client.ListOrdersAsync(new ListOrdersRequest { SupplierCompany = supplierOfSecond }, AsPartner);
        var another = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 200 }, As(HubId.Parse("MY")));
        var invalid = await Should.ThrowAsync<RpcException>(async () => await client.ListOrdersAsync(new ListOrdersRequest { Status = "Shipped" }, AsPartner));

        var ids = all.Orders.Select(o => o.OrderId).ToList();
        ids.IndexOf(second).ShouldBeLessThan(ids.IndexOf(first));
        all.Orders.ShouldAllBe(o => o.Timeline.Count == 0 && o.Lines.Count == 1);
        cancelled.Orders.Select(o => o.OrderId).ShouldContain(first);
        cancelled.Orders.Select(o => o.OrderId).ShouldNotContain(second);
        bySupplier.Orders.Select(o => o.OrderId).ShouldBe([second]);
        another.Orders.Select(o => o.OrderId).ShouldNotContain(first);
        invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task ListOrders_InPagesBeforeTheLastOrder_WalksEachOrderOnce_AHalfMarkOrLimitBeyond200IsInvalid()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (first, _) = await PlaceAsPartnerAsync("grpc-page-1");
        var (second, _) = await PlaceAsPartnerAsync("grpc-page-2");
        var (third, _) = await PlaceAsPartnerAsync("grpc-page-3");
        var newest = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 1 }, AsPartner);
        newest.Orders.ShouldHaveSingleItem().OrderId.ShouldBe(third);

        var walked = new List<string>();
        var mark = newest.Orders[0];
        while (walked.Count < 2)
        {
            var page = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 1, BeforePlacedAt = mark.PlacedAt, BeforeOrderId = mark.OrderId }, AsPartner);
            mark = page.Orders.ShouldHaveSingleItem();
            walked.Add(mark.OrderId);
        }

        walked.ShouldBe([second, first]);
        var halfMark = await Should.ThrowAsync<RpcException>(async () => await client.ListOrdersAsync(new ListOrdersRequest { BeforeOrderId = third }, AsPartner));
        var tooMany = await Should.ThrowAsync<RpcException>(async () => await client.ListOrdersAsync(new ListOrdersRequest { Limit = 201 }, AsPartner));
        halfMark.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        tooMany.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task GetOrder_IdOf100KB_InvalidArgumentWithAMessageShortEnoughToTravel()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);

        var refused = await Should.ThrowAsync<RpcException>(async () =>
            await client.GetOrderAsync(new OrderRequest { OrderId = "CN-O-" + new string('9', 100_000) }, AsPartner));

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldStartWith("order_id: ");
        refused.Status.Detail.Length.ShouldBeLessThan(1_100);
        refused.Status.Detail.ShouldContain("more characters");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-order")]
    [InlineData("cn-o-000001")]
    [InlineData("CN-P-000001")]
    public async Task OrderCalls_IdNoHubCouldGive_InvalidArgumentNamingOrderId_AWellFormedUnknownIdIsNotFound(string malformed)
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var calls = new (string Name, Func<string, Task> Call)[]
        {
            ("GetOrder", async id => await client.GetOrderAsync(new OrderRequest { OrderId = id }, AsPartner)),
            ("CancelOrder", async id => await client.CancelOrderAsync(new OrderRequest { OrderId = id }, AsPartner)),
            ("ConfirmReceipt", async id => await client.ConfirmReceiptAsync(new OrderRequest { OrderId = id }, AsPartner)),
            ("DisputeOrder", async id => await client.DisputeOrderAsync(new DisputeOrderRequest { OrderId = id, Reason = "short delivery" }, AsPartner)),
        };

        foreach (var (name, call) in calls)
        {
            var invalid = await Should.ThrowAsync<RpcException>(() => call(malformed));
            var unknown = await Should.ThrowAsync<RpcException>(() => call("CN-O-987654321"));

            invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument, name);
            invalid.Status.Detail.ShouldStartWith("order_id: ", customMessage: name);
            unknown.StatusCode.ShouldBe(StatusCode.NotFound, name);
        }
    }

    [Fact]
    public async Task SupplierHub_SeesTheOrdersItsSuppliersSell_ButCannotChangeThem()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var (order, _) = await PlaceAsPartnerAsync("grpc-supplier-hub");
        await using (var db = fixture.CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE orders SET supplier_hub = 'MY' WHERE id = {order}");
        }

        var seen = await client.GetOrderAsync(new OrderRequest { OrderId = order }, As(HubId.Parse("MY")));
        var listed = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 200 }, As(HubId.Parse("MY")));
        var ofItsSuppliers = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 200, OwnSuppliers = true }, As(HubId.Parse("MY")));
        var ofThePlacersSuppliers = await client.ListOrdersAsync(new ListOrdersRequest { Limit = 200, OwnSuppliers = true }, AsPartner);
        var cancel = await Should.ThrowAsync<RpcException>(async () => await client.CancelOrderAsync(new OrderRequest { OrderId = order }, As(HubId.Parse("MY"))));

        seen.Timeline.ShouldNotBeEmpty();
        listed.Orders.Select(o => o.OrderId).ShouldContain(order);
        ofItsSuppliers.Orders.Select(o => o.OrderId).ShouldContain(order);
        ofItsSuppliers.Orders.ShouldAllBe(o => o.SupplierHub == "MY");
        ofThePlacersSuppliers.Orders.Select(o => o.OrderId).ShouldNotContain(order, "the placing hub's own suppliers do not sell it");
        cancel.StatusCode.ShouldBe(StatusCode.NotFound);
        (await client.GetOrderAsync(new OrderRequest { OrderId = order }, AsPartner)).Status.ShouldBe("Placed");
    }

    private async Task<(string OrderId, string ProductId)> PlaceAsPartnerAsync(string key)
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        var reply = await client.PlaceOrderAsync(Request((await MandatedBuyerAsync()).ToString(), key, product, 10), AsPartner);
        var order = reply.Orders.Single().OrderId;

        // Let the placement's own step (funds requested) finish before the test changes the order.
        await Eventually.TrueAsync(async () => (await client.GetOrderAsync(new OrderRequest { OrderId = order }, AsPartner)).Timeline.Any(t => t.Step == "FundsRequested"),
            TimeSpan.FromSeconds(20), "funds are requested");
        return (order, product);
    }

    /// <summary>A company of the hub (KR) whose user gave partner hub CN a mandate.</summary>
    private async Task<CompanyId> MandatedBuyerAsync()
    {
        var buyer = OrderFixture.NewCompany();
        (await fixture.ClientFor(buyer).PutAsync("/api/order/mandates/CN", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        return buyer;
    }

    private static Metadata As(HubId partner) => TestSecurity.Bearer(TestSecurity.PartnerHub(partner));

    private static Metadata AsPartner => As(HubId.CN);

    private static PlaceOrderRequest Request(string buyer, string key, string product, int quantity) => new()
    {
        IdempotencyKey = key,
        BuyerCompany = buyer,
        Incoterm = "FOB",
        NamedPlace = "Busan port",
        Mode = "SEA",
        Lines = { new CartLine { ProductId = product, Quantity = quantity } },
    };
}
