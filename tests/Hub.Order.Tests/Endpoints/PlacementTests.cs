using System.Net;
using System.Net.Http.Json;
using Hub.Order.Domain;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Tests.Endpoints;

public class PlacementTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    private FakeCatalog Catalog => fixture.Fakes.Catalog;

    [Fact]
    public async Task Checkout_TwoSuppliers_QuotesGoodsFreightDutiesAndGrandTotal()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var supplierA = FakeCatalog.NewSupplier();
        var a = Catalog.List(supplierA, unitPriceMinor: 1200, available: 100);
        var b = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 5000, available: 100);

        var response = await buyer.PostAsJsonAsync("/api/order/checkout", OrderFixture.Cart(new CartLineRequest(a, 20, null), new CartLineRequest(b, 5, null)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var quote = (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!;
        quote.Suppliers.Count.ShouldBe(2);
        var first = quote.Suppliers.Single(s => s.Lines[0].ProductId == a);
        first.SupplierCompany.ShouldBe(FakeCatalog.CompanyOf(supplierA), "the supplier's catalog says who supplies it");
        first.GoodsTotalMinor.ShouldBe(24_000);
        first.BuyerTotalMinor.ShouldBe(24_000);
        first.FxQuoteId.ShouldNotBeNullOrEmpty();
        first.Freight.ShouldBe(new MoneyResponse(10_000, "KRW")); // 20 units in cartons of 10
        first.DutiesAndTaxes.ShouldBe(new MoneyResponse(1920, "KRW"));
        quote.PlaceBy.ShouldBe(quote.Suppliers.Min(s => s.FxQuoteExpiresAt) - TimeSpan.FromMinutes(2), "until the payment window before the first quote expires");
        quote.GrandTotalMinor.ShouldBe(24_000 + 10_000 + 1920 + 25_000 + 5000 + 2000);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0, "a checkout quote places nothing");
        (await db.Checkouts.SingleAsync(c => c.Id == quote.CheckoutId)).BuyerCompany.ShouldBe(company.ToString());
    }

    [Theory]
    [InlineData("FOB", "buyer", "buyer", 24_000 + 10_000 + 1920)]
    [InlineData("EXW", "buyer", "buyer", 24_000 + 10_000 + 1920)]
    [InlineData("CIF", "seller", "buyer", 24_000 + 1920)]
    [InlineData("DAP", "seller", "buyer", 24_000 + 1920)]
    [InlineData("DDP", "seller", "seller", 24_000)]
    public async Task Checkout_GrandTotal_CountsTheFreightAndDutiesTheIncotermLeavesToTheBuyer(string incoterm, string freightPaidBy, string dutiesPaidBy, long grandTotal)
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1200, available: 100);

        var response = await buyer.PostAsJsonAsync("/api/order/checkout", OrderFixture.Cart(new CartLineRequest(product, 20, null)) with { Incoterm = incoterm });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var quote = (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!;
        var supplier = quote.Suppliers.ShouldHaveSingleItem();
        supplier.Freight.ShouldBe(new MoneyResponse(10_000, "KRW"), "the freight is quoted whoever pays it");
        supplier.DutiesAndTaxes.ShouldBe(new MoneyResponse(1920, "KRW"));
        (supplier.FreightPaidBy, supplier.DutiesPaidBy).ShouldBe((freightPaidBy, dutiesPaidBy));
        quote.GrandTotalMinor.ShouldBe(grandTotal);
        quote.NotInBuyerCurrency.ShouldBeEmpty();
        (supplier.ShipWithinDays, supplier.ProtectionDays).ShouldBe((15, 30), "the trade assurance payment quoted");
    }

    [Fact]
    public async Task Place_IncotermAndModeInAnyCase_AreTheRulesNamesAndTheSamePurchaseUnderTheKey()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1200, available: 100);
        var cart = OrderFixture.Cart(new CartLineRequest(product, 10, null));

        var lower = await OrderFixture.PlaceAsync(buyer, cart with { Incoterm = "dap", Mode = "sea" }, "key-any-case");
        var upper = await OrderFixture.PlaceAsync(buyer, cart with { Incoterm = "DAP", Mode = "SEA" }, "key-any-case");

        lower.StatusCode.ShouldBe(HttpStatusCode.Created);
        var placed = (await lower.Content.ReadFromJsonAsync<PurchaseResponse>())!;
        (placed.Orders.Single().Incoterm, placed.Orders.Single().Mode).ShouldBe(("DAP", "SEA"));
        upper.StatusCode.ShouldBe(HttpStatusCode.OK, "the same cart, answered with its purchase");
        (await upper.Content.ReadFromJsonAsync<PurchaseResponse>())!.PurchaseId.ShouldBe(placed.PurchaseId);
    }

    [Fact]
    public async Task Place_SameKeyInParallel_WithStockForOneOrder_EveryRequestAnswersTheOnePurchase()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        // Stock for one order only: a duplicate that asked for stock too would be refused for want of it.
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 10);
        var cart = OrderFixture.Cart(new CartLineRequest(product, 10, null));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => OrderFixture.PlaceAsync(buyer, cart, "key-parallel")));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created]);
        var purchases = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<PurchaseResponse>()));
        purchases.Select(p => p!.PurchaseId).Distinct().Count().ShouldBe(1);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(1);
        (await db.Orders.CountAsync(o => o.BuyerCompany == company.ToString())).ShouldBe(1);
        (await db.PlacementKeys.CountAsync(k => k.BuyerCompany == company.ToString())).ShouldBe(0, "the key is free again");
        Catalog.Available(product).ShouldBe(0);
    }

    [Fact]
    public async Task Place_WhileAnotherPlacementHoldsTheKey_WaitsThenAnswersKeyInUse_AnAbandonedClaimIsTakenOver()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var cart = OrderFixture.Cart(new CartLineRequest(Catalog.List(FakeCatalog.NewSupplier(), 1000, 50), 10, null));
        await using (var db = fixture.CreateDb())
        {
            db.PlacementKeys.Add(new PlacementKey(company.ToString(), "key-held", DateTime.UtcNow));
            db.PlacementKeys.Add(new PlacementKey(company.ToString(), "key-abandoned", DateTime.UtcNow.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        var held = await OrderFixture.PlaceAsync(buyer, cart, "key-held");
        var abandoned = await OrderFixture.PlaceAsync(buyer, cart, "key-abandoned");

        held.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        held.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3), "a repeat of the same request will have its answer (Order:PlacementKeyRetryAfter)");
        var problem = (await held.Content.ReadFromJsonAsync<ProblemDetails>())!;
        problem.Title.ShouldBe("A placement under this Idempotency-Key is under way");
        problem.Detail!.ShouldContain("still under way");
        abandoned.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var check = fixture.CreateDb();
        (await check.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(1);
        (await check.PlacementKeys.Where(k => k.BuyerCompany == company.ToString()).Select(k => k.IdempotencyKey).ToListAsync()).ShouldBe(["key-held"]);
    }

    [Fact]
    public async Task Place_SameKeyAgain_ReturnsSamePurchase()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var cart = OrderFixture.Cart(new CartLineRequest(Catalog.List(FakeCatalog.NewSupplier(), 1000, 50), 10, null));

        var first = await OrderFixture.PlaceAsync(buyer, cart, "key-again");
        var second = await OrderFixture.PlaceAsync(buyer, cart, "key-again");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = (await first.Content.ReadFromJsonAsync<PurchaseResponse>())!;
        var b = (await second.Content.ReadFromJsonAsync<PurchaseResponse>())!;
        b.PurchaseId.ShouldBe(a.PurchaseId);
        b.Orders.Select(o => o.OrderId).ShouldBe(a.Orders.Select(o => o.OrderId));
        a.Orders.ShouldHaveSingleItem().OrderId.ShouldStartWith("KR-O-");
    }

    [Fact]
    public async Task Place_SameKeyOtherCart_Returns409()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        (await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)), "key-reused")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 11, null)), "key-reused");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Headers.RetryAfter.ShouldBeNull("the same request again would be refused again");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        problem.Title.ShouldBe("The Idempotency-Key was used for another cart");
        problem.Detail!.ShouldContain("Idempotency-Key");
        Catalog.Available(product).ShouldBe(40);
    }

    [Fact]
    public async Task Place_SecondSupplierReservationRefused_SavesNothingAndReleasesTheFirst()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var good = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        var refused = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50, refuseReservation: true);

        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(good, 10, null), new CartLineRequest(refused, 10, null)), "key-stock");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Catalog.Available(good).ShouldBe(50);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        (await db.Orders.CountAsync(o => o.BuyerCompany == company.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task Place_SupplierPricingFails_SavesNothingAndLeavesTheStock()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var supplier = FakeCatalog.NewSupplier();
        var inWon = Catalog.List(supplier, 1000, 50);
        var inDollars = Catalog.List(supplier, 10, 50, currency: "USD");

        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(inWon, 10, null), new CartLineRequest(inDollars, 10, null)), "key-two-currencies");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("more than one currency");
        Catalog.Available(inWon).ShouldBe(50);
        Catalog.Available(inDollars).ShouldBe(50);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        (await db.Orders.CountAsync(o => o.BuyerCompany == company.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task Place_BelowMoqOrShortStock_Returns400NamingTheLine()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var moq = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50, moq: 20);
        var scarce = Catalog.List(FakeCatalog.NewSupplier(), 1000, 3);

        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(moq, 10, null), new CartLineRequest(scarce, 10, null)), "key-moq");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["lines[0].quantity", "lines[1].quantity"], ignoreOrder: true);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        Catalog.Available(scarce).ShouldBe(3);
    }

    [Fact]
    public async Task CheckoutAndPlace_LineTooLargeForTheCatalogToPrice_Returns400NamingItsQuantity()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var supplier = FakeCatalog.NewSupplier();
        var cheap = Catalog.List(supplier, unitPriceMinor: 1000, available: 100);
        var dear = Catalog.List(supplier, unitPriceMinor: 1_000_000_000_000, available: int.MaxValue);
        var cart = OrderFixture.Cart(new CartLineRequest(cheap, 10, null), new CartLineRequest(dear, 10_000_000, null));

        var checkout = await buyer.PostAsJsonAsync("/api/order/checkout", cart);
        var placed = await OrderFixture.PlaceAsync(buyer, cart, "key-too-large");

        foreach (var response in new[] { checkout, placed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["lines[1].quantity"]);
        }

        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        Catalog.Available(cheap).ShouldBe(100);
    }

    [Fact]
    public async Task CheckoutAndPlace_SupplierGoodsBeyondTheLargestAmount_Returns400NamingTheLines()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var supplier = FakeCatalog.NewSupplier();
        // Each line within the largest amount (6 × 10^14 minor units), the two together beyond it.
        var first = Catalog.List(supplier, unitPriceMinor: 60_000_000_000_000, available: 100);
        var second = Catalog.List(supplier, unitPriceMinor: 60_000_000_000_000, available: 100);
        var cart = OrderFixture.Cart(new CartLineRequest(first, 10, null), new CartLineRequest(second, 10, null));

        var checkout = await buyer.PostAsJsonAsync("/api/order/checkout", cart);
        var placed = await OrderFixture.PlaceAsync(buyer, cart, "key-beyond-largest");

        foreach (var response in new[] { checkout, placed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["lines"]);
        }

        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        Catalog.Available(first).ShouldBe(100);
    }

    [Fact]
    public async Task Place_LineNamingAnotherSupplierCompany_Returns400AndSavesNothing()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);

        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, "KR-C-000001")), "key-other-supplier");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["lines[0].supplierCompany"]);
        problem.Errors["lines[0].supplierCompany"].Single().ShouldContain("is supplied by KR-C-");
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        Catalog.Available(product).ShouldBe(50);
    }

    [Fact]
    public async Task Place_MalformedCartOrNoKey_Returns400NamingFieldsAndSavesNothing()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);

        var response = await OrderFixture.PlaceAsync(buyer, new CartRequest("XYZ", "", "BOAT", [new("nope", 0, "x")]), key: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(
            ["incoterm", "namedPlace", "mode", "lines[0].productId", "lines[0].quantity", "lines[0].supplierCompany", "Idempotency-Key"], ignoreOrder: true);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task Place_ControlCharactersInThePlaceOrMoreThan200Lines_Returns400NamingTheField()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);

        var escaped = await OrderFixture.PlaceAsync(
            buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)) with { NamedPlace = "Shanghai\u001b[31mred" }, "key-control");
        var tooLong = await OrderFixture.PlaceAsync(
            buyer, OrderFixture.Cart([.. Enumerable.Range(1, 201).Select(n => new CartLineRequest($"KR-P-{n:D6}", 1, null))]), "key-201-lines");

        (await escaped.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["namedPlace"]);
        (await tooLong.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["lines"]);
        Catalog.Available(product).ShouldBe(50);
    }

    [Fact]
    public async Task Place_NullLineOrNulInText_Returns400NamingTheFieldAndReservesNothing()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 50);

        var nullLine = await OrderFixture.PlaceAsync(buyer, new CartRequest("FOB", "Busan port", "SEA", [new(product, 10, null), null!]), "key-null-line");
        var nul = await OrderFixture.PlaceAsync(buyer, new CartRequest("FOB", "Busan\0port", "SEA", [new(product, 10, null)]), "key-nul");
        var nulInLine = await buyer.PostAsJsonAsync("/api/order/checkout", OrderFixture.Cart(new CartLineRequest(product, 10, null), new CartLineRequest(product, 10, "KR-C-\0")));
        var nulInQuery = await buyer.GetAsync("/api/order/orders?status=Placed%00");

        nullLine.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nullLine.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["lines[1]"]);
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await nul.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["namedPlace"]);
        problem.Errors["namedPlace"].Single().ShouldContain("NUL");
        (await nulInLine.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["lines[1].supplierCompany"]);
        nulInQuery.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nulInQuery.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["status"]);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        Catalog.Available(product).ShouldBe(50);
    }

    [Fact]
    public async Task Place_AsOperator_Forbidden()
    {
        var response = await OrderFixture.PlaceAsync(fixture.OperatorClient(), OrderFixture.Cart(new CartLineRequest("KR-P-000001", 1, "KR-C-000001")), "key-op");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Place_WithItsCheckout_BuysAtTheCheckoutsPricesAndQuoteOnce()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 50);
        var checkout = await CheckoutAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)));
        Catalog.Reprice(product, 1500);
        var cart = OrderFixture.Cart(new CartLineRequest(product, 10, null)) with { CheckoutId = checkout.CheckoutId };

        var placed = await OrderFixture.PlaceAsync(buyer, cart, "key-checkout");
        var again = await OrderFixture.PlaceAsync(buyer, cart, "key-checkout");
        var twice = await OrderFixture.PlaceAsync(buyer, cart, "key-checkout-twice");

        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.ShouldHaveSingleItem();
        order.GoodsTotal.ShouldBe(new MoneyResponse(10_000, "KRW"), "the price the checkout quoted, not the supplier's new one");
        order.FxQuoteId.ShouldBe(checkout.Suppliers[0].FxQuoteId);
        order.Lines.ShouldHaveSingleItem().UnitPriceMinor.ShouldBe(1000);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "the same key replays its purchase");
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("placed already");
        Catalog.Available(product).ShouldBe(40, "one reservation: the refused second placement gave its stock back");
        await using var db = fixture.CreateDb();
        (await db.Purchases.SingleAsync(p => p.BuyerCompany == company.ToString())).CheckoutId.ShouldBe(checkout.CheckoutId);

        var repriced = await OrderFixture.PlaceAsync(buyer, cart with { CheckoutId = null }, "key-no-checkout");
        (await repriced.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.ShouldHaveSingleItem().GoodsTotal.MinorUnits
            .ShouldBe(15_000, "a cart placed without its checkout is priced again");
    }

    [Fact]
    public async Task Place_NamedPlaceSpacedOtherwiseThanAtCheckout_PlacesTheCheckout_AndItsRepeatReplays()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 50);
        var cart = OrderFixture.Cart(new CartLineRequest(product, 10, null));
        var checkout = await CheckoutAsync(buyer, cart);
        var spaced = cart with { NamedPlace = $"  {cart.NamedPlace} ", CheckoutId = checkout.CheckoutId };

        var placed = await OrderFixture.PlaceAsync(buyer, spaced, "key-spaced-place");
        var repeat = await OrderFixture.PlaceAsync(buyer, spaced with { NamedPlace = cart.NamedPlace }, "key-spaced-place");

        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        repeat.StatusCode.ShouldBe(HttpStatusCode.OK, "the same cart under the same key replays its purchase");
        (await repeat.Content.ReadFromJsonAsync<PurchaseResponse>())!.PurchaseId.ShouldBe((await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.PurchaseId);
        Catalog.Available(product).ShouldBe(40);
        await using var db = fixture.CreateDb();
        (await db.Orders.SingleAsync(o => o.BuyerCompany == company.ToString())).NamedPlace.ShouldBe(cart.NamedPlace);
    }

    [Fact]
    public async Task Place_OneCheckoutUnderManyKeysInParallel_PlacesItOnce()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 100);
        var checkout = await CheckoutAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)));
        var cart = OrderFixture.Cart(new CartLineRequest(product, 10, null)) with { CheckoutId = checkout.CheckoutId };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => OrderFixture.PlaceAsync(buyer, cart, $"key-checkout-parallel-{i}")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(1);
        Catalog.Available(product).ShouldBe(90, "the refused placements gave their reservations back");
    }

    [Fact]
    public async Task Place_CheckoutNotOfThisCartBuyerOrTime_Returns400NamingCheckoutIdAndChangesNothing()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 50);
        var cart = OrderFixture.Cart(new CartLineRequest(product, 10, null));
        var checkout = await CheckoutAsync(buyer, cart);
        var otherCompany = OrderFixture.NewCompany();
        var othersCheckout = await CheckoutAsync(fixture.ClientFor(otherCompany), cart);
        // Quotes that hold for a minute: less than the two the payment after the placement is given.
        fixture.Fakes.Payment.QuoteLifetimes[company.ToString()] = TimeSpan.FromMinutes(1);
        var closing = await CheckoutAsync(buyer, cart);
        closing.PlaceBy.ShouldBeLessThan(DateTime.UtcNow);

        var attempts = new (CartRequest Cart, string Reason)[]
        {
            (OrderFixture.Cart(new CartLineRequest(product, 11, null)) with { CheckoutId = checkout.CheckoutId }, "priced another cart"),
            (cart with { CheckoutId = othersCheckout.CheckoutId }, "There is no checkout"),
            (cart with { CheckoutId = Guid.NewGuid() }, "There is no checkout"),
            (cart with { CheckoutId = closing.CheckoutId }, "check the cart out again"),
        };
        foreach (var (attempt, reason) in attempts)
        {
            var response = await OrderFixture.PlaceAsync(buyer, attempt, $"key-bad-checkout-{Guid.NewGuid()}");

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
            problem.Errors["checkoutId"].ShouldHaveSingleItem().ShouldContain(reason);
        }

        Catalog.Available(product).ShouldBe(50);
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == company.ToString())).ShouldBe(0);
        (await db.Orders.CountAsync(o => o.BuyerCompany == company.ToString())).ShouldBe(0);
        var checkedOut = await buyer.PostAsJsonAsync("/api/order/checkout", cart with { CheckoutId = checkout.CheckoutId });
        checkedOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a checkout is placed, not checked out again");
    }

    private static async Task<CheckoutResponse> CheckoutAsync(HttpClient buyer, CartRequest cart)
    {
        var response = await buyer.PostAsJsonAsync("/api/order/checkout", cart);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!;
    }
}
