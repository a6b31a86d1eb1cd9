using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Endpoints;

public sealed class LedgerEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task ListAccounts_InPages_WalksTheOwnersAccountsOnceInOrder_WithTheirBalances()
    {
        var buyer = Ids.Company();
        foreach (var (amount, currency) in new[] { (1_000L, "USD"), (2_000L, "EUR"), (3_000L, "KRW") })
        {
            await host.CreditAsync(buyer, amount, currency);
        }

        await host.SecureAsync(Ids.Order(), buyer, Ids.Company(), await host.QuoteAsync(buyer, "KRW", 1_200, "KRW"));
        using var op = host.Operator();

        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await op.GetFromJsonAsync<JsonElement>($"/api/payment/ledger/accounts?owner={buyer}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 5);

        pages.Select(p => p.GetProperty("accounts").GetArrayLength()).ShouldBe([2, 1]);
        var balances = pages.SelectMany(p => p.GetProperty("accounts").EnumerateArray())
            .Select(a => (a.GetProperty("balance").GetProperty("currency").GetString(), a.GetProperty("balance").GetProperty("minorUnits").GetInt64()))
            .ToList();
        balances.ShouldBe([("EUR", 2_000L), ("KRW", 1_800L), ("USD", 1_000L)]);
    }

    [Fact]
    public async Task ListAccounts_OfOneKind_SumsTheLinesOfAnAccountThatKeepsNoBalance()
    {
        var (buyer, order) = (Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 9_000, "KRW");
        await host.SecureAsync(order, buyer, Ids.Company(), await host.QuoteAsync(buyer, "KRW", 4_000, "KRW"));
        using var op = host.Operator();

        var page = await op.GetFromJsonAsync<JsonElement>($"/api/payment/ledger/accounts?owner={order}&kind=escrow");

        var escrow = page.GetProperty("accounts").EnumerateArray().ShouldHaveSingleItem();
        escrow.GetProperty("kind").GetString().ShouldBe("Escrow");
        escrow.GetProperty("balance").GetProperty("minorUnits").GetInt64().ShouldBe(4_000);
        escrow.GetProperty("netDebits").GetProperty("minorUnits").GetInt64().ShouldBe(-4_000);
    }

    [Theory]
    [InlineData("kind=Piggybank", "kind")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=eyJBY2NvdW50IjoiMDE5M2EwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAxIn0", "cursor")]
    public async Task ListAccounts_BadQuery_IsAProblemNamingIt(string query, string field)
    {
        using var op = host.Operator();

        var response = await op.GetAsync($"/api/payment/ledger/accounts?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task TrialBalance_IsTheLedgersDebitsAndCreditsPerKindAndCurrency_Balanced()
    {
        var buyer = Ids.Company();
        await host.CreditAsync(buyer, 70_000, "THB");
        await host.SecureAsync(Ids.Order(), buyer, Ids.Company(), await host.QuoteAsync(buyer, "THB", 25_000, "THB"));
        using var op = host.Operator();

        var trial = await op.GetFromJsonAsync<JsonElement>("/api/payment/ledger/trial-balance");

        await using var db = host.Db();
        var expected = await (
                from line in db.PostingLines
                join account in db.Accounts on line.AccountId equals account.Id
                where account.Currency == "THB"
                group line.Amount by account.Kind into g
                select new { Kind = g.Key.ToString(), Debits = g.Where(a => a > 0).Sum(), Credits = -g.Where(a => a < 0).Sum() })
            .ToListAsync();
        var thb = trial.GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("debits").GetProperty("currency").GetString() == "THB")
            .Select(k => new
            {
                Kind = k.GetProperty("kind").GetString(),
                Debits = (decimal)k.GetProperty("debits").GetProperty("minorUnits").GetInt64() / 100,
                Credits = (decimal)k.GetProperty("credits").GetProperty("minorUnits").GetInt64() / 100,
            })
            .ToList();
        thb.OrderBy(k => k.Kind).ShouldBe(expected.OrderBy(k => k.Kind));
        thb.Select(k => k.Kind).ShouldContain("Escrow");
        var total = trial.GetProperty("currencies").EnumerateArray().Single(c => c.GetProperty("currency").GetString() == "THB");
        total.GetProperty("debits").GetProperty("minorUnits").GetInt64().ShouldBe(total.GetProperty("credits").GetProperty("minorUnits").GetInt64());
        total.GetProperty("debits").GetProperty("minorUnits").GetInt64().ShouldBeGreaterThanOrEqualTo(70_000 + 25_000);
        total.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        trial.GetProperty("balanced").GetBoolean().ShouldBeTrue();
    }
}
