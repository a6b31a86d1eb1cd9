using System.Net;
using System.Net.Http.Json;
using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Order.Application;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Order.Tests.Consumers;

public class OrderEventsConsumerTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private FakeDependencies Fakes => fixture.Fakes;

    [Fact]
    public async Task Events_DriveOrderThroughEveryStateToCompleted()
    {
        var (buyer, order, product) = await PlaceAsync("key-happy");
        var buyerCompany = (await OrderFixture.GetAsync(buyer, order)).BuyerCompany;
        var now = DateTime.UtcNow;
        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Payment.Secured.ContainsKey(order)), Wait, "funds are requested after placement");
        Fakes.Payment.Secured[order].QuoteId.ShouldNotBeNullOrEmpty();

        var shipBy = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        await fixture.PublishAsync(Secured(order) with { ShipBy = shipBy });
        var secured = await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        secured.Timeline!.Single(t => t.Step == "PaymentSecured").Detail.ShouldBe("goods to depart by 2026-12-01 09:30 UTC, or the buyer is compensated for each day late");
        await ExportLodgedAsync(order);

        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, now));
        await OrderFixture.WaitForAsync(buyer, order, "ExportCleared");
        Fakes.Logistics.Bookings.ShouldContain(b => b.OrderId == order && b.Cartons.Sum(c => c.Quantity) == 1);
        Fakes.Catalog.Committed.ShouldContain(order);

        await fixture.PublishAsync(new ConsignmentBooked($"CS-{order}", order, "KR-C-000990", "KR", "KR", "SEA", 1m, "rt", now, now));
        await OrderFixture.WaitForAsync(buyer, order, "Booked");

        await fixture.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-1", "KR", "KR", "SEA", [$"CS-{order}"], [order], now));
        await OrderFixture.WaitForAsync(buyer, order, "Departed");
        Fakes.Customs.Declarations.ShouldContain(d => d.OrderId == order && d.Type == Customs.V1.DeclarationType.Import && d.Transport.TransportDocument == "MB-1");
        var shipment = Guid.NewGuid();
        await fixture.PublishAsync(new FreightBilled(shipment, "MB-1", $"CS-{order}", order, buyerCompany, 4_560, "USD", now));
        await StepAsync(buyer, order, "FreightBilled");
        await fixture.PublishAsync(new FreightCharged(order, shipment, $"CS-{order}", buyerCompany, 61_520, "KRW", 4_560, "USD", now));
        await StepAsync(buyer, order, "FreightCharged");
        await fixture.PublishAsync(new LateShipmentCompensated(order, buyerCompany, shipBy, shipBy.AddDays(2), 2, 1_200, "KRW", now));
        await StepAsync(buyer, order, "LateShipmentCompensated");

        // A stale event (already taken) changes nothing.
        await fixture.PublishAsync(Secured(order));
        await fixture.PublishAsync(new ImportCleared(order, $"{order}-IM", "KR", "LRN2", "MRN2", "KRW", 700, 900, now));
        await OrderFixture.WaitForAsync(buyer, order, "ImportCleared");
        await fixture.PublishAsync(new DutiesCharged(order, $"{order}-IM", "KR-C-000001", DutiesCharged.FromWallet, 700, 900, 1600, "KRW", now));
        await StepAsync(buyer, order, "DutiesCharged");

        await fixture.PublishAsync(new ConsignmentDelivered($"CS-{order}", order, "KR-C-000990", now));
        var delivered = await OrderFixture.WaitForAsync(buyer, order, "Delivered");
        delivered.DueBy.ShouldNotBeNull();
        delivered.Timeline!.Single(t => t.Step == "ImportCleared").Detail.ShouldBe($"import declaration {order}-IM: KRW 1,600 duties and taxes");
        delivered.Timeline!.Single(t => t.Step == "DutiesCharged").Detail.ShouldBe("import duties and taxes of KRW 1,600 charged to KR-C-000001 from its wallet");
        delivered.Timeline!.Single(t => t.Step == "FreightBilled").Detail.ShouldBe($"freight of USD 45.60 for consignment CS-{order} on shipment MB-1 billed to {buyerCompany}");
        delivered.Timeline!.Single(t => t.Step == "LateShipmentCompensated").Detail
            .ShouldBe($"departed 2 days after the promised 2026-12-01 09:30 UTC: KRW 1,200 paid back to {buyerCompany} from the escrow");
        delivered.Timeline!.Single(t => t.Step == "FreightCharged").Detail.ShouldBe($"freight of KRW 61,520 (billed USD 45.60) for consignment CS-{order} charged to {buyerCompany} from its wallet");
        delivered.DutiesAndTaxes.ShouldBe(new MoneyResponse(1600, "KRW"));

        var receipt = await buyer.PostAsync($"/api/order/orders/{order}/receipt", null);
        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        Fakes.Payment.Released.ShouldContain(order);

        await fixture.PublishAsync(new EscrowReleased(order, "KR-C-000990", 12_000, "KRW", 12_000, 100, "KRW", false, now, shipBy.AddDays(40)));
        var completed = await OrderFixture.WaitForAsync(buyer, order, "Completed");
        completed.Timeline!.Single(t => t.Step == "Completed").Detail.ShouldBe("escrow released; the buyer may dispute the order until 2027-01-10 09:30 UTC");

        completed.DueBy.ShouldBeNull();
        var steps = completed.Timeline!.Select(t => t.Step).ToList();
        steps.Where(s => s is "Placed" or "PaymentSecured" or "ExportCleared" or "Booked" or "Departed" or "ImportCleared" or "Delivered" or "ReceiptConfirmed" or "Completed")
            .ShouldBe(["Placed", "PaymentSecured", "ExportCleared", "Booked", "Departed", "ImportCleared", "Delivered", "ReceiptConfirmed", "Completed"]);
        steps.ShouldContain("ReceiptRequested");
        completed.Timeline!.Single(t => t.Step == "PaymentSecured").Cause.ShouldStartWith("PaymentSecured ");
        Fakes.Catalog.Available(product).ShouldBe(90);
        await AssertOutboxAsync(order, "Hub.Contracts.Order.OrderCompleted");
    }

    [Fact]
    public async Task RequestSteps_AreTimedWhenAsked_SoTheFactsTheyLeadToComeAfterThem()
    {
        var (buyer, order, _) = await PlaceAsync("key-timed");
        var now = DateTime.UtcNow;
        await StepAsync(buyer, order, "FundsRequested");
        await fixture.PublishAsync(Secured(order));
        await StepAsync(buyer, order, "ExportDeclared");
        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, now));
        await StepAsync(buyer, order, "BookingRequested");
        await fixture.PublishAsync(new ConsignmentBooked($"CS-{order}", order, "KR-C-000990", "KR", "KR", "SEA", 1m, "rt", now, now));
        await OrderFixture.WaitForAsync(buyer, order, "Booked");
        await fixture.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-1", "KR", "KR", "SEA", [$"CS-{order}"], [order], now));
        await StepAsync(buyer, order, "ImportDeclared");
        await fixture.PublishAsync(new ImportCleared(order, $"{order}-IM", "KR", "LRN2", "MRN2", "KRW", 700, 900, now));
        await OrderFixture.WaitForAsync(buyer, order, "ImportCleared");
        await fixture.PublishAsync(new ConsignmentDelivered($"CS-{order}", order, "KR-C-000990", now));
        await OrderFixture.WaitForAsync(buyer, order, "Delivered");
        (await buyer.PostAsync($"/api/order/orders/{order}/receipt", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each step is no later than the moment the service it asked received the request; timed after the answer,
        // it came after that service's own fact (funds secured, declaration lodged), so the timeline ran backwards.
        var timeline = (await OrderFixture.GetAsync(buyer, order)).Timeline!;
        DateTime At(string step) => timeline.Single(t => t.Step == step).At;
        At("FundsRequested").ShouldBeLessThanOrEqualTo(Fakes.Payment.Asked.Of("SecureFunds", order));
        At("ExportDeclared").ShouldBeLessThanOrEqualTo(Fakes.Customs.Asked.Of("Export", order));
        At("BookingRequested").ShouldBeLessThanOrEqualTo(Fakes.Logistics.Asked.Of("BookConsignment", order));
        At("ImportDeclared").ShouldBeLessThanOrEqualTo(Fakes.Customs.Asked.Of("Import", order));
        At("ReceiptConfirmed").ShouldBeLessThanOrEqualTo(Fakes.Payment.Asked.Of("Release", order));
        At("EscrowReleaseRequested").ShouldBeLessThanOrEqualTo(Fakes.Payment.Asked.Of("Release", order));
    }

    [Theory]
    [InlineData("FOB", false, true)]
    [InlineData("DAP", false, false)]
    [InlineData("DDP", true, false)]
    public async Task ImportDeclarationAndBooking_NameWhoeverTheIncotermBillsTheDutiesAndTheFreightTo(string incoterm, bool sellerImports, bool buyerCarries)
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var supplier = FakeCatalog.NewSupplier();
        var product = Fakes.Catalog.List(supplier, unitPriceMinor: 1200, available: 100);
        var placed = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)) with { Incoterm = incoterm }, $"key-importer-{incoterm}");
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single();

        await DepartAsync(buyer, order.OrderId);

        var declared = Fakes.Customs.Declarations.Where(d => d.OrderId == order.OrderId).ToList();
        var export = declared.Single(d => d.Type == Customs.V1.DeclarationType.Export);
        export.Importer.TraderId.ShouldBe(order.BuyerCompany, "the export names the buyer as consignee");
        (export.Exporter.Name, export.Exporter.TraderId).ShouldBe((FakeCatalog.NameOf(supplier), order.SupplierCompany), "the supplier is named as it registered, for screening");
        declared.Single(d => d.Type == Customs.V1.DeclarationType.Import).Importer.TraderId.ShouldBe(sellerImports ? order.SupplierCompany : order.BuyerCompany);
        Fakes.Logistics.Bookings.Single(b => b.OrderId == order.OrderId).FreightPayer.ShouldBe(buyerCarries ? order.BuyerCompany : order.SupplierCompany);
    }

    [Fact]
    public async Task Declarations_NameTheBuyerByTheProfileItHadWhenTheOrderWasPlaced()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        (await buyer.PutAsJsonAsync("/api/order/buyers/me", new BuyerRequest("Jinhua Hardware Import Co., Ltd.", "88 Binjiang Road, Jinhua"))).EnsureSuccessStatusCode();
        var product = Fakes.Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1200, available: 100);
        var placed = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)), "key-buyer-profile");
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single();
        // Changed after the order was placed: the order's declarations keep the name it was placed under.
        (await buyer.PutAsJsonAsync("/api/order/buyers/me", new BuyerRequest("Renamed Trading Co.", null))).EnsureSuccessStatusCode();

        await DepartAsync(buyer, order.OrderId);

        var declared = Fakes.Customs.Declarations.Where(d => d.OrderId == order.OrderId).ToList();
        foreach (var importer in declared.Select(d => d.Importer))
        {
            (importer.Name, importer.Address, importer.TraderId).ShouldBe(("Jinhua Hardware Import Co., Ltd.", "88 Binjiang Road, Jinhua", company.ToString()));
        }

        declared.Count.ShouldBe(2);
    }

    [Fact]
    public async Task DuplicateEvents_MoveTheOrderOnce()
    {
        var (buyer, order, _) = await PlaceAsync("key-dup");
        var secured = Secured(order);

        await Task.WhenAll(fixture.PublishAsync(secured), fixture.PublishAsync(secured), fixture.PublishAsync(secured));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        await Task.Delay(500);

        var read = await OrderFixture.GetAsync(buyer, order);
        read.Status.ShouldBe("PaymentSecured");
        read.Timeline!.Count(t => t.Step == "PaymentSecured").ShouldBe(1);
    }

    [Fact]
    public async Task PaymentFailed_FailsTheOrderAndReleasesStock()
    {
        var (buyer, order, product) = await PlaceAsync("key-payfail");
        Fakes.Catalog.Available(product).ShouldBe(90);

        await fixture.PublishAsync(new PaymentFailed(order, "x", PaymentFailureReason.InsufficientFunds, "wallet short by 100", DateTime.UtcNow));
        var failed = await OrderFixture.WaitForAsync(buyer, order, "Failed");

        failed.FailureReason!.ShouldContain("InsufficientFunds");
        failed.Timeline!.ShouldContain(t => t.Step == "StockReleased");
        Fakes.Catalog.Available(product).ShouldBe(100);
        await AssertOutboxAsync(order, "Hub.Contracts.Order.OrderFailed");
    }

    [Fact]
    public async Task SecureFundsRefused_FailsTheOrderAndReleasesStock()
    {
        var company = OrderFixture.NewCompany();
        Fakes.Payment.Broke[company.ToString()] = true;
        var (buyer, order, product) = await PlaceAsync("key-broke", company);

        var failed = await OrderFixture.WaitForAsync(buyer, order, "Failed");

        failed.FailureReason!.ShouldContain("insufficient funds");
        Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task ImportDeclarationRejected_FailsAndRefundsEscrow()
    {
        var (buyer, order, product) = await PlaceAsync("key-rejected");
        var now = DateTime.UtcNow;
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        await ExportLodgedAsync(order);
        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, now));
        await OrderFixture.WaitForAsync(buyer, order, "ExportCleared");

        await fixture.PublishAsync(new DeclarationRejected(order, $"{order}-IM", "KR", "Import", "prohibited goods", "KRW", 0, 0, now));
        var failed = await OrderFixture.WaitForAsync(buyer, order, "Failed");

        failed.FailureReason!.ShouldContain("prohibited goods");
        Fakes.Payment.Refunds.ShouldContain(r => r.OrderId == order);
        Fakes.Customs.Withdrawals.ShouldContain(w => w.OrderId == order && w.Type == Hub.Customs.V1.DeclarationType.Export, "the goods never left");
        Fakes.Logistics.Cancellations.ShouldContainKey(order);
        Fakes.Logistics.Cancellations[order].Reason.ShouldContain("prohibited goods");
        failed.Timeline!.ShouldContain(t => t.Step == "ConsignmentWithdrawn");
        failed.Timeline!.ShouldContain(t => t.Step == "StockReturned", "committed at export clearance, back on hand");
        Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task FailedInBooked_GoodsWithTheCarrier_KeepsTheStockOut()
    {
        var (buyer, order, product) = await PlaceAsync("key-fail-shipped");
        await BookAsync(buyer, order);
        Fakes.Logistics.WithCarrier[order] = true;

        await fixture.PublishAsync(new DeclarationRejected(order, $"{order}-EX", "KR", "Export", "licence revoked", "KRW", 0, 0, DateTime.UtcNow));
        var failed = await OrderFixture.WaitForAsync(buyer, order, "Failed");

        failed.Timeline!.ShouldContain(t => t.Step == "ConsignmentWithdrawn" && t.Detail!.StartsWith("not withdrawn"));
        failed.Timeline!.ShouldNotContain(t => t.Step == "StockReturned" || t.Step == "StockReleased");
        Fakes.Catalog.Available(product).ShouldBe(90);
        Fakes.Payment.Refunds.ShouldContain(r => r.OrderId == order);
        failed.Timeline!.ShouldContain(t => t.Step == "ExportWithdrawn" && t.Detail!.StartsWith("not withdrawn"));
        Fakes.Customs.Withdrawals.ShouldNotContain(w => w.OrderId == order && w.Type == Hub.Customs.V1.DeclarationType.Export,
            "the goods leave with the carrier under their export declaration");
    }

    [Fact]
    public async Task SupplierHubsCustomsNotAnswering_ThePaymentStands_AndTheExportIsDeclaredOnceItAnswers()
    {
        var (buyer, order, _) = await PlaceAsync("key-export-answer-lost");
        Fakes.Customs.AnswerLost[order] = true;

        await fixture.PublishAsync(Secured(order));

        var secured = await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        (await fixture.ExportRetryAtAsync(order)).ShouldNotBeNull().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(55), "the sweeper takes over after an hour");
        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Customs.Declarations.Count(d => d.OrderId == order) >= 2), Wait, "the declaration is tried again");
        secured.Timeline!.ShouldNotContain(t => t.Step == "ExportDeclared");
        (await OrderFixture.GetAsync(buyer, order)).Timeline!.ShouldNotContain(t => t.Step == "ExportDeclared");

        Fakes.Customs.AnswerLost.TryRemove(order, out _);

        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "ExportDeclared"),
            TimeSpan.FromSeconds(60), "the export is declared once the supplier's hub answers");
        var declared = await OrderFixture.GetAsync(buyer, order);
        declared.Status.ShouldBe("PaymentSecured");
        declared.Timeline!.Count(t => t.Step == "ExportDeclared").ShouldBe(1);
        declared.Timeline!.Count(t => t.Step == "PaymentSecured").ShouldBe(1);
        (await fixture.ExportRetryAtAsync(order)).ShouldBeNull("lodged: the sweeper has nothing to try");
    }

    [Fact]
    public async Task FailedWhileTheExportDeclarationsAnswerIsLost_TheLodgedExportIsWithdrawn()
    {
        var (buyer, order, product) = await PlaceAsync("key-export-lost-then-fail");
        Fakes.Customs.AnswerLost[order] = true;
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Customs.Declarations.Any(d => d.OrderId == order)), Wait, "the export is lodged");

        await fixture.OverdueAsync(order);
        await fixture.Factory.Services.GetRequiredService<OrderSweeper>().SweepAsync(CancellationToken.None);
        Fakes.Customs.AnswerLost.TryRemove(order, out _);

        var failed = await OrderFixture.WaitForAsync(buyer, order, "Failed");
        failed.FailureReason!.ShouldStartWith("timed out waiting in PaymentSecured");
        Fakes.Customs.Withdrawals.ShouldContain(w => w.OrderId == order && w.Type == Hub.Customs.V1.DeclarationType.Export);
        Fakes.Payment.Refunds.ShouldContain(r => r.OrderId == order);
        Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task ConsignmentBookedAfterTheOrderWasCancelled_IsTakenOutOfItsPool()
    {
        var (buyer, order, _) = await PlaceAsync("key-late-booking");
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        (await buyer.PostAsync($"/api/order/orders/{order}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Fakes.Logistics.Cancellations.ShouldNotContainKey(order, "nothing was booked when the order was cancelled");

        // A booking whose caller had given up commits at the supplier's hub after the cancellation.
        Fakes.Logistics.Bookings.Enqueue(new Hub.Logistics.V1.BookConsignmentRequest { OrderId = order });
        var now = DateTime.UtcNow;
        await fixture.PublishAsync(new ConsignmentBooked($"CS-{order}", order, "KR-C-000990", "KR", "KR", "SEA", 1m, "rt", now, now));

        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Logistics.Cancellations.ContainsKey(order)), Wait, "the late consignment leaves its pool");
        var cancelled = await OrderFixture.GetAsync(buyer, order);
        cancelled.Status.ShouldBe("Cancelled");
        cancelled.Timeline!.ShouldContain(t => t.Step == "ConsignmentWithdrawn");
    }

    [Fact]
    public async Task DeclarationHeld_RecordedWithoutFailing()
    {
        var (buyer, order, _) = await PlaceAsync("key-held");
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");

        await fixture.PublishAsync(new DeclarationHeld(order, $"{order}-EX", "KR", "Export", "screening match", 0.9, 3, "KRW", 0, 0, DateTime.UtcNow));

        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "DeclarationHeld"), Wait, "the hold is recorded");
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("PaymentSecured");
    }

    [Fact]
    public async Task Cancel_BeforeExportClearance_ReleasesStockAndRefunds_AfterItIsRefused()
    {
        var (buyer, order, product) = await PlaceAsync("key-cancel");
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        await ExportLodgedAsync(order);

        var response = await buyer.PostAsync($"/api/order/orders/{order}/cancel", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<OrderResponse>())!.Status.ShouldBe("Cancelled");
        Fakes.Catalog.Available(product).ShouldBe(100);
        Fakes.Payment.Refunds.ShouldContain(r => r.OrderId == order && r.IdempotencyKey == "order-cancelled");
        var withdrawal = Fakes.Customs.Withdrawals.Where(w => w.OrderId == order).ShouldHaveSingleItem();
        withdrawal.Type.ShouldBe(Hub.Customs.V1.DeclarationType.Export);
        withdrawal.Reason.ShouldContain("cancelled");

        // An export clearance arriving after the cancellation changes nothing.
        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, DateTime.UtcNow));
        await Task.Delay(500);
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Cancelled");
    }

    [Fact]
    public async Task Cancel_WhileTheBookingAfterExportClearanceFails_ReturnsTheCommittedStock()
    {
        var (buyer, order, product) = await PlaceAsync("key-cancel-committed");
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");

        // The export clears, the stock is committed, then the booking cannot be made: the order stays a step behind.
        Fakes.Logistics.Unreachable[order] = true;
        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, DateTime.UtcNow));
        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Catalog.Committed.Contains(order)), Wait, "the stock is committed");
        var response = await buyer.PostAsync($"/api/order/orders/{order}/cancel", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cancelled = await OrderFixture.GetAsync(buyer, order);
        cancelled.Status.ShouldBe("Cancelled");
        cancelled.Timeline!.ShouldContain(t => t.Step == "StockReturned");
        Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task Cancel_AfterExportClearance_Returns409()
    {
        var (buyer, order, _) = await PlaceAsync("key-late-cancel");
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, order, "ExportCleared");

        var response = await buyer.PostAsync($"/api/order/orders/{order}/cancel", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("ExportCleared");
    }

    [Fact]
    public async Task Dispute_AfterDelivery_FreezesTheEscrow_ThenARefundDecisionEndsTheOrderRefunded()
    {
        var (buyer, order, _) = await PlaceAsync("key-dispute-refund");
        await DeliverAsync(buyer, order);

        var response = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("  Half the cartons were crushed  "));
        var again = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("Half the cartons were crushed"));
        var receipt = await buyer.PostAsync($"/api/order/orders/{order}/receipt", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var disputed = (await response.Content.ReadFromJsonAsync<OrderResponse>())!;
        disputed.Status.ShouldBe("Disputed");
        disputed.DueBy.ShouldBeNull("a disputed order waits for the decision, not for the receipt's timeout");
        disputed.Timeline!.Single(t => t.Step == "Disputed").Detail.ShouldBe("Half the cartons were crushed");
        disputed.Timeline!.ShouldContain(t => t.Step == "EscrowFrozen");
        Fakes.Payment.Disputes[order].Reason.ShouldBe("Half the cartons were crushed");
        Fakes.Payment.Disputes[order].BuyerCompany.ShouldBe(disputed.BuyerCompany);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<OrderResponse>())!.Timeline!.Count(t => t.Step == "Disputed").ShouldBe(1);
        receipt.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Fakes.Payment.Released.ShouldNotContain(order);

        await fixture.PublishAsync(new DisputeResolved(order, DisputeDecision.Refund, 12_000, 0, "KRW", "kr-operator", DateTime.UtcNow));
        var refunded = await OrderFixture.WaitForAsync(buyer, order, "Refunded");

        refunded.Timeline!.Single(t => t.Step == "Refunded").Detail!.ShouldContain("KRW 12,000 refunded to the buyer");
        refunded.DueBy.ShouldBeNull();
        (await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("again"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Dispute_ReleaseDecision_CompletesTheOrderOnTheEscrowRelease()
    {
        var (buyer, order, _) = await PlaceAsync("key-dispute-release");
        await DeliverAsync(buyer, order);
        (await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("Wrong colour"))).EnsureSuccessStatusCode();

        await fixture.PublishAsync(new DisputeResolved(order, DisputeDecision.PartialRefund, 2_000, 10_000, "KRW", "kr-operator", DateTime.UtcNow));
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "DisputeResolved"), Wait, "the decision is recorded");
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Disputed");
        await fixture.PublishAsync(new EscrowReleased(order, "KR-C-000990", 10_000, "KRW", 10_000, 100, "KRW", false, DateTime.UtcNow));
        var completed = await OrderFixture.WaitForAsync(buyer, order, "Completed");

        completed.Timeline!.Single(t => t.Step == "DisputeResolved").Detail!.ShouldContain("PartialRefund");
        await AssertOutboxAsync(order, "Hub.Contracts.Order.OrderCompleted");
    }

    [Fact]
    public async Task Dispute_AfterCompletion_WithinTheProtectionWindow_IsRecordedAndTheOrderStaysCompleted()
    {
        var (buyer, order, _) = await PlaceAsync("key-dispute-after-release");
        var (lateBuyer, ended, _) = await PlaceAsync("key-dispute-window-ended");
        foreach (var (client, id) in new[] { (buyer, order), (lateBuyer, ended) })
        {
            await DeliverAsync(client, id);
            (await client.PostAsync($"/api/order/orders/{id}/receipt", null)).EnsureSuccessStatusCode();
            await fixture.PublishAsync(new EscrowReleased(id, "KR-C-000990", 12_000, "KRW", 12_000, 240, "KRW", false, DateTime.UtcNow));
            await OrderFixture.WaitForAsync(client, id, "Completed");
        }

        Fakes.Payment.ProtectionEnded[ended] = true;

        var response = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("Half the lot failed inspection"));
        var again = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("Half the lot failed inspection"));
        var late = await lateBuyer.PostAsJsonAsync($"/api/order/orders/{ended}/dispute", new DisputeRequest("Found a defect"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var disputed = (await response.Content.ReadFromJsonAsync<OrderResponse>())!;
        disputed.Status.ShouldBe("Completed");
        disputed.Timeline!.Single(t => t.Step == "DisputeOpened").Detail.ShouldBe("Half the lot failed inspection");
        disputed.Timeline!.Single(t => t.Step == "DisputedAfterRelease").Detail!.ShouldContain("clawed back from the supplier");
        Fakes.Payment.Disputes[order].Reason.ShouldBe("Half the lot failed inspection");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await OrderFixture.GetAsync(lateBuyer, ended)).Timeline!.ShouldNotContain(t => t.Step == "DisputeOpened");

        // Payment's own event of the dispute finds it noted; its decision is recorded, the order staying Completed.
        await fixture.PublishAsync(new DisputeOpened(order, disputed.BuyerCompany, "KR-C-000990", "Half the lot failed inspection", DateTime.UtcNow, DateTime.UtcNow.AddDays(3)));
        await fixture.PublishAsync(new DisputeResolved(order, DisputeDecision.PartialRefund, 4_000, 8_000, "KRW", "kr-operator", DateTime.UtcNow));
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "DisputeResolved"), Wait, "the decision is recorded");
        var decided = await OrderFixture.GetAsync(buyer, order);
        decided.Status.ShouldBe("Completed");
        decided.Timeline!.Single(t => t.Step == "DisputeResolved").Detail
            .ShouldBe("PartialRefund decided by kr-operator after the release: KRW 4,000 refunded to the buyer out of the supplier's settlement");
        decided.Timeline!.Count(t => t.Step == "DisputeOpened").ShouldBe(1);
    }

    [Fact]
    public async Task Dispute_Refused_ChangesNothing()
    {
        var (buyer, order, _) = await PlaceAsync("key-dispute-refused");
        var stranger = fixture.ClientFor(OrderFixture.NewCompany());
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");

        var early = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("Not shipped yet"));
        var noReason = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest(" "));
        var tooLong = await buyer.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest(new string('x', 1_001)));
        var notTheirs = await stranger.PostAsJsonAsync($"/api/order/orders/{order}/dispute", new DisputeRequest("Mine now"));

        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("delivered");
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("reason");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Fakes.Payment.Disputes.ShouldNotContainKey(order);
        var read = await OrderFixture.GetAsync(buyer, order);
        read.Status.ShouldBe("PaymentSecured");
        read.Timeline!.ShouldNotContain(t => t.Step.StartsWith("Dispute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisputeOpenedAtPayment_DisputesTheDeliveredOrder_OrTheOrderOnItsWayOnceDelivered()
    {
        var company = OrderFixture.NewCompany();
        var (buyer, delivered, _) = await PlaceAsync("key-dispute-at-payment", company);
        var (_, onTheWay, _) = await PlaceAsync("key-dispute-on-the-way", company);
        await DeliverAsync(buyer, delivered);
        await DepartAsync(buyer, onTheWay);

        await fixture.PublishAsync(new DisputeOpened(delivered, "x", "KR-C-000990", "Wrong goods", DateTime.UtcNow, DateTime.UtcNow.AddDays(3)));
        await fixture.PublishAsync(new DisputeOpened(onTheWay, "x", "KR-C-000990", "Nothing heard", DateTime.UtcNow, DateTime.UtcNow.AddDays(3)));
        (await OrderFixture.WaitForAsync(buyer, delivered, "Disputed")).Timeline!.Single(t => t.Step == "Disputed").Detail.ShouldBe("Wrong goods");
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, onTheWay)).Timeline!.Any(t => t.Step == "DisputeOpened"), Wait, "the dispute on the way is recorded");
        (await OrderFixture.GetAsync(buyer, onTheWay)).Status.ShouldBe("Departed");

        await fixture.PublishAsync(new ImportCleared(onTheWay, $"{onTheWay}-IM", "KR", "LRN2", "MRN2", "KRW", 700, 900, DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, onTheWay, "ImportCleared");
        await fixture.PublishAsync(new ConsignmentDelivered($"CS-{onTheWay}", onTheWay, "KR-C-000990", DateTime.UtcNow));
        var disputed = await OrderFixture.WaitForAsync(buyer, onTheWay, "Disputed");

        disputed.DueBy.ShouldBeNull();
        disputed.Timeline!.ShouldNotContain(t => t.Step == "ReceiptRequested");
        Fakes.Payment.Disputes.ShouldNotContainKey(onTheWay, "payment opened it; the order does not open it again");
    }

    [Fact]
    public async Task Receipt_OfAnEscrowDisputedAtPayment_DisputesTheOrderInsteadOfReleasing()
    {
        var (buyer, order, _) = await PlaceAsync("key-receipt-disputed");
        await DeliverAsync(buyer, order);
        Fakes.Payment.DisputedAtPayment[order] = true;

        var receipt = await buyer.PostAsync($"/api/order/orders/{order}/receipt", null);

        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await receipt.Content.ReadFromJsonAsync<OrderResponse>())!.Status.ShouldBe("Disputed");
        Fakes.Payment.Released.ShouldNotContain(order);
        (await OrderFixture.GetAsync(buyer, order)).Timeline!.ShouldNotContain(t => t.Step == "ReceiptConfirmed");
    }

    [Fact]
    public async Task Receipt_OfAPayeeHeldAtRelease_WaitsForTheOperators_WhoseRefundEndsTheOrderRefunded()
    {
        var (buyer, order, _) = await PlaceAsync("key-payee-refused");
        await DeliverAsync(buyer, order);
        Fakes.Payment.PayeeHeld[order] = true;

        var receipt = await buyer.PostAsync($"/api/order/orders/{order}/receipt", null);
        await fixture.PublishAsync(new EscrowReleaseHeld(order, "KR-C-000990", 0.9712, 4, DateTime.UtcNow));
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "EscrowReleaseHeld"), Wait, "the hold is recorded");
        var held = await OrderFixture.GetAsync(buyer, order);
        await fixture.PublishAsync(new EscrowReleaseRefused(order, "KR-C-000990", 12_000, "KRW", "kr-operator", "confirmed listing", DateTime.UtcNow));
        var refunded = await OrderFixture.WaitForAsync(buyer, order, "Refunded");

        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await receipt.Content.ReadFromJsonAsync<OrderResponse>())!.Status.ShouldBe("ReceiptConfirmed");
        Fakes.Payment.Released.ShouldNotContain(order);
        held.Status.ShouldBe("ReceiptConfirmed");
        held.Timeline!.Single(t => t.Step == "EscrowReleaseHeld").Detail!.ShouldNotContain("0.97", Case.Insensitive, "the match itself is the operators' business");
        refunded.DueBy.ShouldBeNull();
        refunded.Timeline!.Single(t => t.Step == "Refunded").Detail!.ShouldContain("KRW 12,000 refunded to the buyer");
        Fakes.Payment.Secured[order].SupplierName.ShouldBe(FakeCatalog.NameOf(refunded.SupplierId), "payment screens the payee by the name it registered");
    }

    [Fact]
    public async Task Receipt_OfAPayeeHeldAtRelease_CompletesOnceTheOperatorsReleaseIt()
    {
        var (buyer, order, _) = await PlaceAsync("key-payee-released");
        await DeliverAsync(buyer, order);
        Fakes.Payment.PayeeHeld[order] = true;
        (await buyer.PostAsync($"/api/order/orders/{order}/receipt", null)).EnsureSuccessStatusCode();

        Fakes.Payment.PayeeHeld.TryRemove(order, out _);
        Fakes.Payment.Released.Enqueue(order);
        await fixture.PublishAsync(new EscrowReleased(order, "KR-C-000990", 12_000, "KRW", 12_000, 100, "KRW", false, DateTime.UtcNow));
        var completed = await OrderFixture.WaitForAsync(buyer, order, "Completed");

        completed.Timeline!.Select(t => t.Step).ShouldContain("ReceiptConfirmed");
        await AssertOutboxAsync(order, "Hub.Contracts.Order.OrderCompleted");
    }

    [Fact]
    public async Task EscrowReleaseRefused_OfAnOrderOnItsWay_FailsItAndUndoesWhatItHolds()
    {
        // A dispute opened at payment while the goods travelled, decided for a release the payee's screening held.
        var (buyer, order, _) = await PlaceAsync("key-payee-refused-on-the-way");
        await DepartAsync(buyer, order);

        await fixture.PublishAsync(new EscrowReleaseRefused(order, "KR-C-000990", 12_000, "KRW", "kr-operator", "confirmed listing", DateTime.UtcNow));
        var failed = await OrderFixture.WaitForAsync(buyer, order, "Failed");

        failed.Timeline!.Single(t => t.Step == "Failed").Detail!.ShouldContain("denied-party screening");
        failed.Timeline!.Select(t => t.Step).ShouldContain("ImportWithdrawn");
    }

    [Fact]
    public async Task EscrowReleasedOnTheWay_IsRecorded_AndTheReceiptCompletesTheOrder()
    {
        var (buyer, order, _) = await PlaceAsync("key-released-early");
        await DepartAsync(buyer, order);

        // Payment released on its own schedule (its auto-release days ran out) while the goods were at sea.
        Fakes.Payment.Released.Enqueue(order);
        await fixture.PublishAsync(new EscrowReleased(order, "KR-C-000990", 12_000, "KRW", 12_000, 100, "KRW", true, DateTime.UtcNow));
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "EscrowReleased"), Wait, "the early release is recorded");
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Departed");

        await fixture.PublishAsync(new ImportCleared(order, $"{order}-IM", "KR", "LRN2", "MRN2", "KRW", 700, 900, DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, order, "ImportCleared");
        await fixture.PublishAsync(new ConsignmentDelivered($"CS-{order}", order, "KR-C-000990", DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, order, "Delivered");
        var receipt = await buyer.PostAsync($"/api/order/orders/{order}/receipt", null);

        receipt.StatusCode.ShouldBe(HttpStatusCode.OK);
        var completed = (await receipt.Content.ReadFromJsonAsync<OrderResponse>())!;
        completed.Status.ShouldBe("Completed");
        completed.DueBy.ShouldBeNull();
        completed.Timeline!.Select(t => t.Step).ShouldContain("ReceiptConfirmed");
        await AssertOutboxAsync(order, "Hub.Contracts.Order.OrderCompleted");
    }

    // Drives a placed order along the happy path's events to Departed, then to Delivered.
    [Fact]
    public async Task FactsFromAnotherHub_OnlyTheSupplierHubsOwnAreTaken()
    {
        var (buyer, order, _) = await PlaceAsync("key-foreign-facts");
        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Payment.Secured.ContainsKey(order)), Wait, "funds are requested after placement");
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        var (forged, notTheirs) = (Guid.NewGuid(), Guid.NewGuid());

        // A hub that is not the order's supplier hub states its export; the supplier hub states its import.
        await fixture.PublishFromHubAsync(new ExportCleared(order, "MY-D-000001", "MY", "LRN", "MRN", "KRW", 0, 0, DateTime.UtcNow), "MY", forged);
        await fixture.PublishFromHubAsync(new ImportCleared(order, "KR-D-000009", "KR", "LRN", "MRN", "KRW", 0, 0, DateTime.UtcNow), "KR", notTheirs);
        await fixture.WaitHandledAsync(forged);
        await fixture.WaitHandledAsync(notTheirs);

        var unchanged = await OrderFixture.GetAsync(buyer, order);
        unchanged.Status.ShouldBe("PaymentSecured");
        unchanged.Timeline!.ShouldNotContain(t => t.Step == "ExportCleared" || t.Step == "ImportCleared");
        Fakes.Logistics.Bookings.ShouldNotContain(b => b.OrderId == order);

        // The supplier hub's own export clearance, as its gateway delivers it, is taken.
        await fixture.PublishFromHubAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, DateTime.UtcNow), "KR", Guid.NewGuid());
        await OrderFixture.WaitForAsync(buyer, order, "ExportCleared");
    }

    [Fact]
    public async Task ShipmentDeparted_WithAnOrderNotYetBooked_DepartsTheOthers()
    {
        var now = DateTime.UtcNow;
        var (buyer, booked, _) = await PlaceAsync("key-depart-booked");
        await BookAsync(buyer, booked);
        var (other, unbooked, _) = await PlaceAsync("key-depart-unbooked");
        await fixture.PublishAsync(Secured(unbooked));
        await OrderFixture.WaitForAsync(other, unbooked, "PaymentSecured");

        // Listed first, the order that cannot depart yet does not hold the booked one back.
        string[] orders = string.CompareOrdinal(unbooked, booked) < 0 ? [unbooked, booked] : [booked, unbooked];
        await fixture.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-7", "KR", "KR", "SEA", [.. orders.Select(o => $"CS-{o}")], orders, now));

        var departed = await OrderFixture.WaitForAsync(buyer, booked, "Departed");
        departed.Timeline!.ShouldContain(t => t.Step == "ImportDeclared");
        Fakes.Customs.Declarations.ShouldContain(d => d.OrderId == booked && d.Type == Customs.V1.DeclarationType.Import && d.Transport.TransportDocument == "MB-7");
        (await OrderFixture.GetAsync(other, unbooked)).Status.ShouldBe("PaymentSecured");
    }

    [Fact]
    public async Task ShipmentDeparted_FromAHubThatSuppliesNoneOfItsOrders_DepartsNone()
    {
        var now = DateTime.UtcNow;
        var (buyer, first, _) = await PlaceAsync("key-depart-foreign-1");
        var (_, second, _) = await PlaceAsync("key-depart-foreign-2");

        await fixture.PublishFromHubAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-8", "CN", "KR", "SEA", [$"CS-{first}", $"CS-{second}"], [first, second], now), "CN", Guid.NewGuid());
        await Task.Delay(1000);

        Fakes.Customs.Declarations.ShouldNotContain(d => d.Transport != null && d.Transport.TransportDocument == "MB-8");
        (await OrderFixture.GetAsync(buyer, first)).Timeline!.ShouldNotContain(t => t.Step == "Departed");
    }

    private static Task StepAsync(HttpClient buyer, string order, string step) =>
        Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == step), Wait, $"the timeline records {step}");

    // The export declaration step follows PaymentSecured as a message of its own; customs clears only what was lodged.
    private Task ExportLodgedAsync(string order) =>
        Eventually.TrueAsync(() => Task.FromResult(Fakes.Customs.Declarations.Any(d => d.OrderId == order && d.Type == Customs.V1.DeclarationType.Export)), Wait,
            "the export declaration is lodged");

    private async Task BookAsync(HttpClient buyer, string order)
    {
        var now = DateTime.UtcNow;
        await fixture.PublishAsync(Secured(order));
        await OrderFixture.WaitForAsync(buyer, order, "PaymentSecured");
        await ExportLodgedAsync(order);
        await fixture.PublishAsync(new ExportCleared(order, $"{order}-EX", "KR", "LRN", "MRN", "KRW", 0, 0, now));
        await OrderFixture.WaitForAsync(buyer, order, "ExportCleared");
        await fixture.PublishAsync(new ConsignmentBooked($"CS-{order}", order, "KR-C-000990", "KR", "KR", "SEA", 1m, "rt", now, now));
        await OrderFixture.WaitForAsync(buyer, order, "Booked");
    }

    private async Task DepartAsync(HttpClient buyer, string order)
    {
        await BookAsync(buyer, order);
        await fixture.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-1", "KR", "KR", "SEA", [$"CS-{order}"], [order], DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, order, "Departed");
    }

    private async Task DeliverAsync(HttpClient buyer, string order)
    {
        await DepartAsync(buyer, order);
        await fixture.PublishAsync(new ImportCleared(order, $"{order}-IM", "KR", "LRN2", "MRN2", "KRW", 700, 900, DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, order, "ImportCleared");
        await fixture.PublishAsync(new ConsignmentDelivered($"CS-{order}", order, "KR-C-000990", DateTime.UtcNow));
        await OrderFixture.WaitForAsync(buyer, order, "Delivered");
    }

    private async Task<(HttpClient Buyer, string OrderId, string ProductId)> PlaceAsync(string key, Contracts.Values.CompanyId? company = null)
    {
        var buyer = fixture.ClientFor(company ?? OrderFixture.NewCompany());
        var product = Fakes.Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1200, available: 100);
        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)), key);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await response.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;
        // The order asks payment for the funds on its own OrderPlaced; a PaymentSecured the test publishes before that
        // would move it on and leave the funds unasked, which payment never does.
        await Eventually.TrueAsync(() => Task.FromResult(Fakes.Payment.Asked.Was("SecureFunds", order)), Wait, "the order asks for its funds");
        return (buyer, order, product);
    }

    private static PaymentSecured Secured(string order) =>
        new(order, "x", "KR-C-000990", 12_000, "KRW", 12_000, "KRW", Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow);

    private async Task AssertOutboxAsync(string order, string type)
    {
        await using var db = fixture.CreateDb();
        var bodies = await db.OutboxMessages.Where(m => m.MessageType.StartsWith(type + ",")).Select(m => m.Body).ToListAsync();
        bodies.ShouldContain(b => b.Contains(order));
    }
}
