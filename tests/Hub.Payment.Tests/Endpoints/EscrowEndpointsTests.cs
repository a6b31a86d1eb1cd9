using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Payment.Tests.Endpoints;

public sealed class EscrowEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task GetEscrow_BuyerSupplierAndOperatorSeeIt_OtherSmesDoNot()
    {
        var (buyer, supplier, stranger, order) = (Ids.Company(), Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 500_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 500_000, "KRW"));
        using var asBuyer = host.Sme(buyer);
        using var asSupplier = host.Sme(supplier);
        using var asStranger = host.Sme(stranger);
        using var asOperator = host.Operator();

        var seen = await asBuyer.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");

        seen.GetProperty("status").GetString().ShouldBe("Secured");
        seen.GetProperty("paid").GetProperty("minorUnits").GetInt64().ShouldBe(500_000);
        (await asSupplier.GetAsync($"/api/payment/escrows/{order}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asOperator.GetAsync($"/api/payment/escrows/{order}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asStranger.GetAsync($"/api/payment/escrows/{order}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asStranger.GetFromJsonAsync<JsonElement>("/api/payment/escrows")).GetArrayLength().ShouldBe(0);
        (await asBuyer.GetFromJsonAsync<JsonElement>("/api/payment/escrows")).EnumerateArray().Select(e => e.GetProperty("orderId").GetString()).ShouldBe([order.ToString()]);
    }

    [Fact]
    public async Task GetEscrow_MalformedOrderId_IsAValidationProblem_AWellFormedUnknownOneNotFound()
    {
        using var op = host.Operator();

        var malformed = await op.GetAsync("/api/payment/escrows/order-5");
        var unknown = await op.GetAsync("/api/payment/escrows/CN-O-999999999");

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("orderId")[0].GetString()!.ShouldContain("'order-5' is not an order id");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListAccounts_BySme_IsForbidden()
    {
        using var client = host.Sme(Ids.Company());

        (await client.GetAsync("/api/payment/ledger/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
