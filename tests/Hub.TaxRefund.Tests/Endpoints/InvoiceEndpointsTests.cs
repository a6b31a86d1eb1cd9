using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Tests.Endpoints;

public sealed class InvoiceEndpointsTests(TaxRefundHost host) : IClassFixture<TaxRefundHost>
{
    private static readonly CompanyId Supplier = CompanyId.Parse("KR-C-000201");

    [Fact]
    public async Task Register_BadFields_ProblemDetailsNamingEachFieldAndNothingSaved()
    {
        var supplier = CompanyId.Parse("KR-C-000209");
        using var client = host.Sme(supplier);

        var response = await client.PostAsJsonAsync("/api/tax-refund/invoices", new
        {
            invoiceNumber = "",
            orderId = "not-an-order",
            productId = "KR-P-000001",
            hsCode = "12",
            quantity = 0m,
            amountInclVatMinorUnits = -5L,
            currency = "XXY",
            vatRate = 1.3m,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "invoiceNumber", "orderId", "hsCode", "quantity", "amountInclVatMinorUnits", "currency", "vatRate" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        errors.TryGetProperty("productId", out _).ShouldBeFalse();
        await using var db = host.Db();
        (await db.Invoices.CountAsync(i => i.SupplierCompany == supplier.ToString())).ShouldBe(0);
    }

    [Theory]
    [InlineData("quantity", "1.23456789", "0.10")]
    [InlineData("quantity", "1e20", "0.10")]
    [InlineData("quantity", "100000000000000", "0.10")]
    [InlineData("vatRate", "10", "0.1234567")]
    public async Task Register_ValueItsColumnWouldRoundOrRefuse_ProblemNamingTheFieldAndNothingSaved(string field, string quantity, string vatRate)
    {
        var supplier = CompanyId.Parse("KR-C-000208");
        using var client = host.Sme(supplier);
        await ClaimEndpointsTests.BookAsync(host, "KR-O-000208", supplier);
        var body = $$"""
            {"invoiceNumber":"INV-208","orderId":"KR-O-000208","productId":"KR-P-000001","hsCode":"610910",
             "quantity":{{quantity}},"amountInclVatMinorUnits":110000,"currency":"KRW","vatRate":{{vatRate}}}
            """;

        var response = await client.PostAsync("/api/tax-refund/invoices", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        await using var db = host.Db();
        (await db.Invoices.CountAsync(i => i.SupplierCompany == supplier.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task Register_SameNumberTwice_ConflictAndOneInvoice()
    {
        using var client = host.Sme(Supplier);
        await ClaimEndpointsTests.BookAsync(host, "KR-O-000201", Supplier);

        (await ClaimEndpointsTests.RegisterInvoiceAsync(client, "KR-O-000201", "INV-201", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(client, "KR-O-000201", "INV-201", "610910", 220_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/tax-refund/invoices?orderId=KR-O-000201");
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("amountInclVatMinorUnits").GetInt64().ShouldBe(110_000);
    }

    [Fact]
    public async Task Register_SameInvoiceAgain_AnswersTheRegisteredInvoiceAndKeepsOne()
    {
        const string order = "KR-O-000205";
        using var client = host.Sme(Supplier);
        await ClaimEndpointsTests.BookAsync(host, order, Supplier);
        var first = await ClaimEndpointsTests.RegisterInvoiceAsync(client, order, "INV-205", "610910", 110_000, 0.10m);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var registered = await first.Content.ReadFromJsonAsync<JsonElement>();

        var again = await ClaimEndpointsTests.RegisterInvoiceAsync(client, order, "INV-205", "610910", 110_000, 0.10m);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answered = await again.Content.ReadFromJsonAsync<JsonElement>();
        answered.GetProperty("id").GetGuid().ShouldBe(registered.GetProperty("id").GetGuid());
        answered.GetProperty("registeredAt").GetDateTime().ShouldBe(registered.GetProperty("registeredAt").GetDateTime());
        answered.GetProperty("amountInclVatMinorUnits").GetInt64().ShouldBe(110_000);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(client, order, "INV-205", "610910", 110_000, 0.13m)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var mine = await client.GetFromJsonAsync<JsonElement>($"/api/tax-refund/invoices?orderId={order}");
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("vatRate").GetDecimal().ShouldBe(0.10m);
    }

    [Fact]
    public async Task Register_SameNumberWithSurroundingSpaces_ConflictAndOneInvoice()
    {
        const string order = "KR-O-000204";
        using var client = host.Sme(Supplier);
        await ClaimEndpointsTests.BookAsync(host, order, Supplier);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(client, order, "INV-204", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await ClaimEndpointsTests.RegisterInvoiceAsync(client, order, "  INV-204 ", "610910", 220_000, 0.10m);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var mine = await client.GetFromJsonAsync<JsonElement>($"/api/tax-refund/invoices?orderId={order}");
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("invoiceNumber").GetString().ShouldBe("INV-204");
    }

    [Fact]
    public async Task List_OtherSupplier_SeesNoneOfTheInvoices()
    {
        using var owner = host.Sme(Supplier);
        using var other = host.Sme(CompanyId.Parse("KR-C-000202"));
        await ClaimEndpointsTests.BookAsync(host, "KR-O-000202", Supplier);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(owner, "KR-O-000202", "INV-202", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await other.GetFromJsonAsync<JsonElement>("/api/tax-refund/invoices?orderId=KR-O-000202")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Register_Operator_Forbidden()
    {
        using var op = host.Operator();

        (await ClaimEndpointsTests.RegisterInvoiceAsync(op, "KR-O-000203", "INV-203", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_ManyInvoices_PagesThatWalkEveryInvoiceOnceInRegistrationOrder()
    {
        var supplier = CompanyId.Parse("KR-C-000210");
        using var client = host.Sme(supplier);
        const string order = "KR-O-000210";
        await ClaimEndpointsTests.BookAsync(host, order, supplier);
        var numbers = Enumerable.Range(1, 55).Select(n => $"INV-210-{n:D2}").ToList();
        foreach (var number in numbers)
        {
            (await ClaimEndpointsTests.RegisterInvoiceAsync(client, order, number, "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await client.GetFromJsonAsync<JsonElement>("/api/tax-refund/invoices")).GetArrayLength().ShouldBe(50);
        var walked = await ListPages.WalkAsync(client, "/api/tax-refund/invoices", "after", 20);

        walked.Select(i => i.GetProperty("invoiceNumber").GetString()).ShouldBe(numbers);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("after=not-an-id", "after")]
    [InlineData("after=6f1c1d3e-0000-4000-8000-000000000000", "after")]
    public async Task List_LimitOutOfRangeOrUnknownAfter_ProblemNamingIt(string query, string field)
    {
        using var client = host.Sme(Supplier);

        var response = await client.GetAsync($"/api/tax-refund/invoices?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }
}
