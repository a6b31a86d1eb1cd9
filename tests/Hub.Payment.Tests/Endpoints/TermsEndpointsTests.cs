using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Payment.Tests.Endpoints;

public sealed class TermsEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task ChangeTerms_ByOperator_AppliesToNewQuotesAndReleases()
    {
        using var client = host.Operator();

        var changed = await client.PutAsJsonAsync("/api/payment/terms", new { fxMarginBps = 100, platformFeeBps = 300, quoteLockSeconds = 60, autoReleaseDays = 7 });
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_00, "USD");
        var quote = await host.QuoteAsync(buyer, "USD", 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, quote);
        var released = await host.Grpc.ReleaseAsync(new V1.ReleaseRequest { OrderId = order.ToString() });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        quote.MarginBps.ShouldBe(100);
        quote.Rate.ShouldBe("1336.005");               // 1,349.50 × 0.99
        (quote.ExpiresAt.ToDateTime() - host.Clock.GetUtcNow().UtcDateTime).TotalSeconds.ShouldBeLessThanOrEqualTo(60);
        released.Fee.MinorUnits.ShouldBe(30_000);
    }

    [Fact]
    public async Task ChangeTerms_AfterFundsAreSecured_ReleaseChargesTheFeeInForceWhenSecured()
    {
        using var client = host.Operator();
        (await client.PutAsJsonAsync("/api/payment/terms", new { fxMarginBps = 50, platformFeeBps = 200, quoteLockSeconds = 900, autoReleaseDays = 14 })).EnsureSuccessStatusCode();
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await client.PutAsJsonAsync("/api/payment/terms", new { fxMarginBps = 50, platformFeeBps = 500, quoteLockSeconds = 900, autoReleaseDays = 14 })).EnsureSuccessStatusCode();

        var escrow = await client.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
        var released = await host.Grpc.ReleaseAsync(new V1.ReleaseRequest { OrderId = order.ToString() });

        escrow.GetProperty("platformFeeBps").GetInt32().ShouldBe(200);
        released.Fee.MinorUnits.ShouldBe(1_000_000 * 200 / 10_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(1_000_000 - (1_000_000 * 200 / 10_000));
    }

    [Theory]
    [InlineData(-1, 200, 900, 14, "fxMarginBps")]
    [InlineData(50, 5_000, 900, 14, "platformFeeBps")]
    [InlineData(50, 200, 0, 14, "quoteLockSeconds")]
    [InlineData(50, 200, 900, -1, "autoReleaseDays")]
    [InlineData(50, 200, 900, 0, "autoReleaseDays")]
    [InlineData(50, 200, 900, 14, "disputeNegotiationDays", 61)]
    public async Task ChangeTerms_OutOfRange_IsValidationProblemAndChangesNothing(int margin, int fee, int lockSeconds, int days, string field, int negotiationDays = 3)
    {
        using var client = host.Operator();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/payment/terms");

        var response = await client.PutAsJsonAsync("/api/payment/terms",
            new { fxMarginBps = margin, platformFeeBps = fee, quoteLockSeconds = lockSeconds, autoReleaseDays = days, disputeNegotiationDays = negotiationDays });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var message = errors.GetProperty(field)[0].GetString()!;
        message.ShouldNotContain("Parameter");
        message.ShouldNotContain("Actual value");
        (await client.GetFromJsonAsync<JsonElement>("/api/payment/terms")).GetProperty("effectiveFrom").GetDateTime().ShouldBe(before.GetProperty("effectiveFrom").GetDateTime());
    }

    [Fact]
    public async Task ChangeTerms_LateShipmentPromise_IsKeptWhenLeftOut_ChangedWhenGiven_AndRefusedOutOfRangeNamingTheField()
    {
        using var client = host.Operator();
        var values = new { fxMarginBps = 50, platformFeeBps = 200, quoteLockSeconds = 900, autoReleaseDays = 14 };

        var changed = await (await client.PutAsJsonAsync("/api/payment/terms",
            new { values.fxMarginBps, values.platformFeeBps, values.quoteLockSeconds, values.autoReleaseDays, shipWithinDays = 7, lateShipmentBpsPerDay = 100, lateShipmentCapBps = 1_000 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var kept = await client.PutAsJsonAsync("/api/payment/terms", values);
        var refused = await client.PutAsJsonAsync("/api/payment/terms", new { values.fxMarginBps, values.platformFeeBps, values.quoteLockSeconds, values.autoReleaseDays, lateShipmentCapBps = 5_001 });

        (changed.GetProperty("shipWithinDays").GetInt32(), changed.GetProperty("lateShipmentBpsPerDay").GetInt32(), changed.GetProperty("lateShipmentCapBps").GetInt32())
            .ShouldBe((7, 100, 1_000));
        var current = await client.GetFromJsonAsync<JsonElement>("/api/payment/terms");
        (current.GetProperty("shipWithinDays").GetInt32(), current.GetProperty("lateShipmentBpsPerDay").GetInt32(), current.GetProperty("lateShipmentCapBps").GetInt32())
            .ShouldBe((7, 100, 1_000));
        kept.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lateShipmentCapBps")[0].GetString()!.ShouldContain("5,000");

        // An escrow secured now is promised its goods within the 7 days.
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        var quote = await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW");
        (quote.ShipWithinDays, quote.ProtectionDays).ShouldBe((7, 30), "a quote tells the checkout the trade assurance in force");
        await host.SecureAsync(order, buyer, supplier, quote);
        var escrow = await client.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
        (escrow.GetProperty("shipBy").GetDateTime() - escrow.GetProperty("securedAt").GetDateTime()).ShouldBe(TimeSpan.FromDays(7));
        (await client.PutAsJsonAsync("/api/payment/terms", new { values.fxMarginBps, values.platformFeeBps, values.quoteLockSeconds, values.autoReleaseDays, shipWithinDays = 15, lateShipmentBpsPerDay = 50, lateShipmentCapBps = 500 }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ChangeTerms_WithValuesLeftOut_IsValidationProblemNamingThemAndChangesNothing()
    {
        using var client = host.Operator();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/payment/terms");

        var response = await client.PutAsJsonAsync("/api/payment/terms", new { platformFeeBps = 300, disputeNegotiationDays = 5 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["fxMarginBps", "quoteLockSeconds", "autoReleaseDays"], ignoreOrder: true);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/payment/terms");
        after.GetProperty("effectiveFrom").GetDateTime().ShouldBe(before.GetProperty("effectiveFrom").GetDateTime());
        after.GetProperty("autoReleaseDays").GetInt32().ShouldBe(before.GetProperty("autoReleaseDays").GetInt32());
    }

    [Fact]
    public async Task ChangeTerms_BySme_IsForbidden()
    {
        using var client = host.Sme(Ids.Company());

        (await client.PutAsJsonAsync("/api/payment/terms", new { fxMarginBps = 0, platformFeeBps = 0, quoteLockSeconds = 60, autoReleaseDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
