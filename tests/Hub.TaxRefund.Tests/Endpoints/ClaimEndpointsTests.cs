using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Contracts.TaxRefund;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Tests.Endpoints;

public sealed class ClaimEndpointsTests(TaxRefundHost host) : IClassFixture<TaxRefundHost>
{
    private static readonly CompanyId SupplierA = CompanyId.Parse("KR-C-000101");
    private static readonly CompanyId SupplierB = CompanyId.Parse("KR-C-000102");
    private static readonly DateTime ClearedAt = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Events_OutOfOrderAndTwice_OneClaimFiledAndPaidOnce()
    {
        const string order = "KR-O-000101";
        using var supplier = host.Sme(SupplierA);
        using var op = host.Operator();
        await BookAsync(host, order, SupplierA);
        (await RegisterInvoiceAsync(supplier, order, "INV-101-1", "850760", 1_100_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await RegisterInvoiceAsync(supplier, order, "INV-101-2", "610910", 550_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Departure and payment first, each twice, then the clearance twice.
        var departed = new ShipmentDeparted(Guid.NewGuid(), "MB-101", "KR", "CN", "Sea", ["KR-C-000900"], [order], ClearedAt.AddHours(5));
        var released = new EscrowReleased(order, SupplierA.ToString(), 1_000, "USD", 1_350_000, 13_500, "KRW", false, ClearedAt.AddDays(3));
        var cleared = new ExportCleared(order, "KR-D-000101", "KR", "LRN-101", "MRN-101", "KRW", 0, 0, ClearedAt);
        await host.PublishAsync(departed);
        await host.PublishAsync(released);
        await host.PublishAsync(departed);
        await host.PublishAsync(released);
        await host.PublishAsync(cleared);
        await host.PublishAsync(cleared);

        var claim = await WaitForClaimAsync(supplier, order, "Ready");
        var id = claim.GetProperty("id").GetString()!;
        claim.GetProperty("supplierCompany").GetString().ShouldBe(SupplierA.ToString());
        claim.GetProperty("exportDate").GetString().ShouldBe("2026-11-20");
        claim.GetProperty("evidence").EnumerateArray().ShouldAllBe(e => e.GetProperty("received").GetBoolean());

        // Duplicates had their chance to land: still one claim and one opening event.
        await Task.Delay(500);
        await using (var db = host.Db())
        {
            (await db.Claims.CountAsync(c => c.OrderId == order)).ShouldBe(1);
        }

        (await host.EventsAsync<RefundClaimOpened>(order)).Count.ShouldBe(1);

        var filed = await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null);
        filed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var filedClaim = await filed.Content.ReadFromJsonAsync<JsonElement>();
        filedClaim.GetProperty("state").GetString().ShouldBe("Filed");
        filedClaim.GetProperty("purchaseNetMinorUnits").GetInt64().ShouldBe(1_500_000);
        filedClaim.GetProperty("refundMinorUnits").GetInt64().ShouldBe(150_000);
        filedClaim.GetProperty("costMinorUnits").GetInt64().ShouldBe(0);

        // Filing again (a retry) answers the claim as filed, changing nothing.
        var again = await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var againClaim = await again.Content.ReadFromJsonAsync<JsonElement>();
        againClaim.GetProperty("state").GetString().ShouldBe("Filed");
        againClaim.GetProperty("refundMinorUnits").GetInt64().ShouldBe(150_000);
        againClaim.GetProperty("filedAt").GetDateTime().ShouldBe(filedClaim.GetProperty("filedAt").GetDateTime());

        var approved = await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Paid");

        // Approving again is refused; paying again replays nothing.
        (await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostAsync($"/api/tax-refund/claims/{id}/pay", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        host.Payment.Calls(id).ShouldBe(1);
        var payout = host.Payment.Paid(id)!;
        payout.PayeeCompany.ShouldBe(SupplierA.ToString());
        payout.Amount.MinorUnits.ShouldBe(150_000);
        payout.Amount.Currency.ShouldBe("KRW");
        (await host.EventsAsync<RefundClaimFiled>(id)).Count.ShouldBe(1);
        (await host.EventsAsync<RefundApproved>(id)).Count.ShouldBe(1);
        (await host.EventsAsync<RefundPaid>(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task File_RateChangedByOperator_UsesLongestPrefixInForceOnExportDateAndRecordsCost()
    {
        const string order = "KR-O-000102";
        using var supplier = host.Sme(SupplierA);
        using var op = host.Operator();
        var rate = await op.PostAsJsonAsync("/api/tax-refund/rates",
            new { hub = "KR", hsPrefix = "8541", rate = 0.06m, validFrom = "2026-11-20" });
        rate.StatusCode.ShouldBe(HttpStatusCode.Created);
        await BookAsync(host, order, SupplierA);
        (await RegisterInvoiceAsync(supplier, order, "INV-102-1", "854143", 1_100_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await host.PublishAsync(new PayoutMade($"release:{order}", SupplierA.ToString(), 900_000, "KRW", Guid.NewGuid(), ClearedAt.AddDays(2)));
        await host.PublishAsync(new ExportCleared(order, "KR-D-000102", "KR", "LRN-102", "MRN-102", "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-102", "KR", "CN", "Air", ["KR-C-000901"], [order], ClearedAt.AddHours(2)));
        var id = (await WaitForClaimAsync(supplier, order, "Ready")).GetProperty("id").GetString()!;

        var filed = await (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).Content.ReadFromJsonAsync<JsonElement>();

        filed.GetProperty("refundMinorUnits").GetInt64().ShouldBe(60_000);
        filed.GetProperty("costMinorUnits").GetInt64().ShouldBe(40_000);
        filed.GetProperty("roundingRule").GetString()!.ShouldContain("half away from zero");
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/file")]
    [InlineData("POST", "/approve")]
    [InlineData("POST", "/reject")]
    [InlineData("POST", "/pay")]
    public async Task MalformedClaimId_IsAValidationProblemNamingTheId_AWellFormedUnknownOneNotFound(string method, string action)
    {
        using var op = host.Operator();
        HttpRequestMessage Request(string id) => new(new HttpMethod(method), $"/api/tax-refund/claims/{id}{action}")
        {
            Content = method == "GET" ? null : JsonContent.Create(new { reason = "No export evidence." }),
        };

        using var malformed = Request("claim-9");
        using var unknown = Request("KR-R-999999999");
        var refused = await op.SendAsync(malformed);
        var missing = await op.SendAsync(unknown);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("id")[0].GetString()!.ShouldContain("'claim-9' is not a claim id");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Claims_OtherSupplierAndSmeDecisions_NotFoundAndForbidden()
    {
        const string order = "KR-O-000103";
        using var supplierA = host.Sme(SupplierA);
        using var supplierB = host.Sme(SupplierB);
        using var op = host.Operator();
        await host.PublishAsync(new ExportCleared(order, "KR-D-000103", "KR", "LRN-103", "MRN-103", "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ConsignmentBooked("KR-C-000903", order, SupplierA.ToString(), "KR", "CN", "Sea", 1.2m, "rt", ClearedAt.AddDays(2), ClearedAt.AddDays(-1)));
        var claim = await WaitForClaimAsync(supplierA, order, "Open");
        var id = claim.GetProperty("id").GetString()!;
        claim.GetProperty("consignmentId").GetString().ShouldBe("KR-C-000903");
        claim.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("name").GetString() != "exportDeclarationCleared")
            .ShouldAllBe(e => !e.GetProperty("received").GetBoolean());

        (await supplierB.GetAsync($"/api/tax-refund/claims/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supplierB.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supplierB.GetFromJsonAsync<JsonElement>("/api/tax-refund/claims")).EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("id").GetString() == id);
        (await supplierA.PostAsync($"/api/tax-refund/claims/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supplierA.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var backlog = await op.GetFromJsonAsync<JsonElement>("/api/tax-refund/claims?state=Open&limit=200");
        backlog.EnumerateArray().ShouldContain(c => c.GetProperty("id").GetString() == id);
        backlog.EnumerateArray().ShouldAllBe(c => c.GetProperty("state").GetString() == "Open");
        (await op.GetAsync("/api/tax-refund/claims?state=Lost")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        host.Payment.Calls(id).ShouldBe(0);
    }

    [Fact]
    public async Task List_ManyClaims_PagesOfFiftyByDefaultThatWalkEveryClaimOnceOldestFirst()
    {
        var orders = Enumerable.Range(500, 55).Select(n => $"KR-O-000{n}").ToList();
        await Task.WhenAll(orders.Select(order =>
            host.PublishAsync(new ExportCleared(order, "KR-D-000" + order[^3..], "KR", "LRN-" + order, "MRN-" + order, "KRW", 0, 0, ClearedAt))));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Claims.CountAsync(c => orders.Contains(c.OrderId)) == orders.Count;
        }, TimeSpan.FromSeconds(30), "every order has its claim");
        await using var check = host.Db();
        var all = await check.Claims.CountAsync();
        using var op = host.Operator();

        (await op.GetFromJsonAsync<JsonElement>("/api/tax-refund/claims")).GetArrayLength().ShouldBe(50);
        (await op.GetFromJsonAsync<JsonElement>("/api/tax-refund/claims?limit=200")).GetArrayLength().ShouldBe(Math.Min(all, 200));
        var walked = await ListPages.WalkAsync(op, "/api/tax-refund/claims", "after", 20);

        var ids = walked.Select(c => c.GetProperty("id").GetString()).ToList();
        ids.Count.ShouldBe(all);
        ids.Distinct().Count().ShouldBe(all);
        walked.Select(c => c.GetProperty("openedAt").GetDateTime()).ShouldBeInOrder();
        orders.ShouldBeSubsetOf(walked.Select(c => c.GetProperty("orderId").GetString()!));
        var one = await op.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims?orderId={orders[7]}");
        one.EnumerateArray().ShouldHaveSingleItem().GetProperty("orderId").GetString().ShouldBe(orders[7]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("201")]
    [InlineData("100000")]
    public async Task List_LimitOutsideOneTo200_ProblemNamingLimit(string limit)
    {
        using var op = host.Operator();

        var response = await op.GetAsync($"/api/tax-refund/claims?limit={limit}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["limit"]);
        errors.GetProperty("limit")[0].GetString()!.ShouldContain("200");
    }

    [Fact]
    public async Task List_AfterAClaimTheCallerDoesNotSee_ProblemNamingAfter()
    {
        const string order = "KR-O-000109";
        using var supplierA = host.Sme(SupplierA);
        using var supplierB = host.Sme(SupplierB);
        await BookAsync(host, order, SupplierA);
        await host.PublishAsync(new ExportCleared(order, "KR-D-000109", "KR", "LRN-109", "MRN-109", "KRW", 0, 0, ClearedAt));
        var id = (await WaitForClaimAsync(supplierA, order, "Open")).GetProperty("id").GetString()!;

        (await supplierA.GetAsync($"/api/tax-refund/claims?after={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var foreign = await supplierB.GetAsync($"/api/tax-refund/claims?after={id}");
        var unknown = await supplierA.GetAsync("/api/tax-refund/claims?after=KR-R-999999");

        foreach (var response in new[] { foreign, unknown })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("after", out _).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Invoice_ForAnotherSuppliersOrder_RefusedAndTheRefundPaysTheSupplier()
    {
        const string order = "CN-O-000142";
        using var owner = host.Sme(SupplierA);
        using var intruder = host.Sme(SupplierB);
        using var op = host.Operator();
        await host.PublishAsync(new ExportCleared(order, "KR-D-000142", "KR", "LRN-142", "MRN-142", "KRW", 0, 0, ClearedAt));
        var id = (await WaitForClaimAsync(op, order, "Open")).GetProperty("id").GetString()!;

        var early = await RegisterInvoiceAsync(intruder, order, "INV-142-X1", "610910", 1_100_000, 0.10m);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("not known");
        await BookAsync(host, order, SupplierA);
        (await RegisterInvoiceAsync(intruder, order, "INV-142-X2", "610910", 1_100_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RegisterInvoiceAsync(owner, order, "INV-142-1", "610910", 330_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-142", "KR", "CN", "Sea", ["KR-C-000942"], [order], ClearedAt));
        await host.PublishAsync(new EscrowReleased(order, SupplierA.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));
        (await WaitForClaimAsync(owner, order, "Ready")).GetProperty("supplierCompany").GetString().ShouldBe(SupplierA.ToString());
        (await owner.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Payment.Paid(id)!.PayeeCompany.ShouldBe(SupplierA.ToString());
        host.Payment.Paid(id)!.Amount.MinorUnits.ShouldBe(30_000);
        (await intruder.GetAsync($"/api/tax-refund/claims/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = host.Db();
        (await db.Invoices.CountAsync(i => i.OrderId == order && i.SupplierCompany == SupplierB.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task Reject_FiledClaim_RejectedWithReasonAndNeverPaid()
    {
        const string order = "KR-O-000104";
        using var supplier = host.Sme(SupplierA);
        using var op = host.Operator();
        await BookAsync(host, order, SupplierA);
        (await RegisterInvoiceAsync(supplier, order, "INV-104-1", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.PublishAsync(new ExportCleared(order, "KR-D-000104", "KR", "LRN-104", "MRN-104", "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-104", "KR", "CN", "Sea", ["KR-C-000904"], [order], ClearedAt));
        await host.PublishAsync(new EscrowReleased(order, SupplierA.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));
        var id = (await WaitForClaimAsync(supplier, order, "Ready")).GetProperty("id").GetString()!;
        (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noReason = await op.PostAsJsonAsync($"/api/tax-refund/claims/{id}/reject", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("reason");
        var tooLong = await op.PostAsJsonAsync($"/api/tax-refund/claims/{id}/reject", new { reason = new string('x', 501) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await (await op.GetAsync($"/api/tax-refund/claims/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Filed");
        var rejected = await op.PostAsJsonAsync($"/api/tax-refund/claims/{id}/reject", new { reason = "Invoice does not match the declaration." });

        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Rejected");
        (await op.PostAsync($"/api/tax-refund/claims/{id}/pay", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        host.Payment.Calls(id).ShouldBe(0);
        (await host.EventsAsync<RefundRejected>(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Invoice_FiledClaimWouldRefundPastTheLargestPayout_RefusedAndNotRegistered()
    {
        const string order = "KR-O-000108";
        using var supplier = host.Sme(SupplierA);
        using var op = host.Operator();
        await BookAsync(host, order, SupplierA);

        // Net 8 × 10^15 at KR's 10 %: a refund of 8 × 10^14, inside the largest payout; a second such invoice is not.
        (await RegisterInvoiceAsync(supplier, order, "INV-108-1", "610910", 8_800_000_000_000_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.PublishAsync(new ExportCleared(order, "KR-D-000108", "KR", "LRN-108", "MRN-108", "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-108", "KR", "CN", "Sea", ["KR-C-000908"], [order], ClearedAt));
        await host.PublishAsync(new EscrowReleased(order, SupplierA.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));
        var id = (await WaitForClaimAsync(supplier, order, "Ready")).GetProperty("id").GetString()!;
        (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await RegisterInvoiceAsync(supplier, order, "INV-108-2", "610910", 8_800_000_000_000_000, 0.10m);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!
            .ShouldContain(Money.FromMinorUnits(Money.MaxAmountMinorUnits, CurrencyCode.KRW).ToString());
        await using var db = host.Db();
        (await db.Invoices.CountAsync(i => i.OrderId == order)).ShouldBe(1);
        var claim = await op.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims/{id}");
        claim.GetProperty("purchaseNetMinorUnits").GetInt64().ShouldBe(8_000_000_000_000_000);
        claim.GetProperty("refundMinorUnits").GetInt64().ShouldBe(800_000_000_000_000);
        (await host.EventsAsync<RefundClaimFiled>(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeclarationWithdrawn_OpenClaim_ClosesUnfiledAndFilingIsRefused()
    {
        const string order = "CN-O-000107";
        using var op = host.Operator();
        await host.PublishAsync(new ExportCleared(order, "KR-D-000107", "KR", "LRN-107", "MRN-107", "KRW", 0, 0, ClearedAt));
        var id = (await WaitForClaimAsync(op, order, "Open")).GetProperty("id").GetString()!;

        await host.PublishAsync(new DeclarationWithdrawn(order, "KR-D-000107", "KR", "Import", "not this claim's declaration", ClearedAt.AddHours(1)));
        await host.PublishAsync(new DeclarationWithdrawn(order, "KR-D-000107", "KR", "Export", "order CN-O-000107 cancelled", ClearedAt.AddHours(1)));
        var withdrawn = await WaitForClaimAsync(op, order, "Withdrawn");

        withdrawn.GetProperty("id").GetString().ShouldBe(id);
        (await op.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-107", "KR", "CN", "Sea", ["KR-C-000900"], [order], ClearedAt.AddHours(5)));
        await Task.Delay(500);
        (await WaitForClaimAsync(op, order, "Withdrawn")).GetProperty("id").GetString().ShouldBe(id);
    }

    [Fact]
    public async Task DeclarationWithdrawn_WithAReasonLongerThanAClaimKeeps_ClosesTheClaimWithTheReasonCut()
    {
        const string order = "CN-O-000191";
        using var op = host.Operator();
        await host.PublishAsync(new ExportCleared(order, "KR-D-000191", "KR", "LRN-191", "MRN-191", "KRW", 0, 0, ClearedAt));
        await WaitForClaimAsync(op, order, "Open");

        await host.PublishAsync(new DeclarationWithdrawn(order, "KR-D-000191", "KR", "Export", new string('r', 5_000), ClearedAt.AddHours(1)));
        var withdrawn = await WaitForClaimAsync(op, order, "Withdrawn");

        var reason = withdrawn.GetProperty("rejectionReason").GetString()!;
        reason.Length.ShouldBe(500);
        reason.ShouldStartWith("export declaration withdrawn: rrr");
        reason.ShouldEndWith("…");
    }

    [Fact]
    public async Task ExportCleared_OtherHub_NoClaim()
    {
        const string order = "CN-O-000105";
        await host.PublishAsync(new ExportCleared(order, "CN-D-000105", "CN", "LRN-105", "MRN-105", "CNY", 0, 0, ClearedAt));
        await host.PublishAsync(new ExportCleared("KR-O-000106", "KR-D-000106", "KR", "LRN-106", "MRN-106", "KRW", 0, 0, ClearedAt));
        using var op = host.Operator();
        await WaitForClaimAsync(op, "KR-O-000106", "Open");

        // The two events are consumed concurrently: the other hub's may be handled after this hub's.
        await Eventually.TrueAsync(
            async () =>
            {
                await using var evidence = host.Db();
                return await evidence.Evidence.AnyAsync(e => e.OrderId == order);
            },
            TimeSpan.FromSeconds(10),
            "the other hub's export is kept as evidence");
        await using var db = host.Db();
        (await db.Claims.AnyAsync(c => c.OrderId == order)).ShouldBeFalse();
    }

    [Fact]
    public async Task Events_ManyOrdersShuffledAndRepeated_ExactlyOneReadyClaimEach()
    {
        var orders = Enumerable.Range(110, 6).Select(n => $"KR-O-000{n}").ToList();
        var events = new List<object>();
        foreach (var order in orders)
        {
            for (var copy = 0; copy < 3; copy++)
            {
                events.Add(new ExportCleared(order, "KR-D-000" + order[^3..], "KR", "LRN", "MRN", "KRW", 0, 0, ClearedAt));
                events.Add(new ShipmentDeparted(Guid.NewGuid(), "MB-" + order, "KR", "CN", "Sea", ["KR-C-000910"], [order], ClearedAt.AddHours(1)));
                events.Add(new EscrowReleased(order, SupplierB.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt.AddDays(2)));
            }
        }

        var random = new Random(7);
        await Task.WhenAll(events.OrderBy(_ => random.Next()).Select(host.PublishObjectAsync));

        using var supplier = host.Sme(SupplierB);
        foreach (var order in orders)
        {
            await WaitForClaimAsync(supplier, order, "Ready");
        }

        await Task.Delay(500);
        await using var db = host.Db();
        var claims = await db.Claims.Where(c => orders.Contains(c.OrderId)).ToListAsync();
        claims.Count.ShouldBe(orders.Count);
        claims.ShouldAllBe(c => c.MasterBill != null && c.SupplierCompany == SupplierB.ToString());
        foreach (var order in orders)
        {
            (await host.EventsAsync<RefundClaimOpened>($"\"{order}\"")).Count.ShouldBe(1, order);
        }
    }

    [Fact]
    public async Task Approve_TwoOperatorsAtOnce_OnePayout()
    {
        const string order = "KR-O-000120";
        using var supplier = host.Sme(SupplierA);
        using var op1 = host.Operator();
        using var op2 = host.Client(TestSecurity.Operator(TaxRefundHost.Hub, "operator-2"));
        await BookAsync(host, order, SupplierA);
        (await RegisterInvoiceAsync(supplier, order, "INV-120-1", "610910", 330_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.PublishAsync(new ExportCleared(order, "KR-D-000120", "KR", "LRN-120", "MRN-120", "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-120", "KR", "CN", "Sea", ["KR-C-000920"], [order], ClearedAt));
        await host.PublishAsync(new EscrowReleased(order, SupplierA.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));
        var id = (await WaitForClaimAsync(supplier, order, "Ready")).GetProperty("id").GetString()!;
        (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var responses = await Task.WhenAll(
            op1.PostAsync($"/api/tax-refund/claims/{id}/approve", null),
            op2.PostAsync($"/api/tax-refund/claims/{id}/approve", null));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        host.Payment.Calls(id).ShouldBe(1);
        host.Payment.Paid(id)!.Amount.MinorUnits.ShouldBe(30_000);
        (await host.EventsAsync<RefundPaid>(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Approve_PaymentServiceFails_StaysApprovedAndPayRetryPaysOnce()
    {
        const string order = "KR-O-000130";
        using var supplier = host.Sme(SupplierA);
        using var op = host.Operator();
        await BookAsync(host, order, SupplierA);
        (await RegisterInvoiceAsync(supplier, order, "INV-130-1", "610910", 440_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.PublishAsync(new ExportCleared(order, "KR-D-000130", "KR", "LRN-130", "MRN-130", "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-130", "KR", "CN", "Sea", ["KR-C-000930"], [order], ClearedAt));
        await host.PublishAsync(new EscrowReleased(order, SupplierA.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));
        var id = (await WaitForClaimAsync(supplier, order, "Ready")).GetProperty("id").GetString()!;
        (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Payment.FailWith = global::Grpc.Core.StatusCode.Internal;
        HttpResponseMessage approved;
        try
        {
            approved = await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null);
        }
        finally
        {
            host.Payment.FailWith = null;
        }

        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Approved");
        host.Payment.Paid(id).ShouldBeNull();
        (await host.EventsAsync<RefundPaid>(id)).ShouldBeEmpty();

        var paid = await op.PostAsync($"/api/tax-refund/claims/{id}/pay", null);
        (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Paid");
        (await op.PostAsync($"/api/tax-refund/claims/{id}/pay", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Payment.Paid(id)!.Amount.MinorUnits.ShouldBe(40_000);
        host.Payment.Calls(id).ShouldBe(2);
        (await host.EventsAsync<RefundPaid>(id)).Count.ShouldBe(1);
    }

    /// <summary>Logistics books the order's consignment for <paramref name="supplier"/>: from then on the hub knows who supplies it.</summary>
    internal static async Task BookAsync(TaxRefundHost host, string order, CompanyId supplier)
    {
        await host.PublishAsync(new ConsignmentBooked("KR-C-" + order[^6..], order, supplier.ToString(), "KR", "CN", "Sea", 1m, "rt",
            ClearedAt.AddDays(1), ClearedAt.AddDays(-1)));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.Evidence.AnyAsync(e => e.OrderId == order && e.SupplierCompany == supplier.ToString());
        }, TimeSpan.FromSeconds(20), $"the supplier of {order} is known");
    }

    internal static Task<HttpResponseMessage> RegisterInvoiceAsync(HttpClient client, string order, string number, string hsCode, long amount, decimal vatRate) =>
        client.PostAsJsonAsync("/api/tax-refund/invoices", new
        {
            invoiceNumber = number,
            orderId = order,
            productId = "KR-P-000001",
            hsCode,
            quantity = 10m,
            amountInclVatMinorUnits = amount,
            currency = "KRW",
            vatRate,
        });

    internal static async Task<JsonElement> WaitForClaimAsync(HttpClient client, string order, string state)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(async () =>
        {
            var claims = await client.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims?orderId={order}");
            var match = claims.EnumerateArray().Where(c => c.GetProperty("orderId").GetString() == order).ToList();
            if (match.Count == 1 && match[0].GetProperty("state").GetString() == state)
            {
                found = match[0];
                return true;
            }

            return false;
        }, TimeSpan.FromSeconds(20), $"the claim of {order} is {state}");
        return found;
    }
}
