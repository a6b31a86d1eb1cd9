using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Values;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Endpoints;

public sealed class WalletEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task GetWallet_AnotherCompanysWallet_IsNotFoundForAnSmeButVisibleToOperators()
    {
        var (owner, stranger) = (Ids.Company(), Ids.Company());
        await host.CreditAsync(owner, 12_345, "USD");
        using var own = host.Sme(owner);
        using var other = host.Sme(stranger);
        using var anonymous = host.Client();

        var mine = await own.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{owner}");
        var theirs = await other.GetAsync($"/api/payment/wallets/{owner}");

        mine.GetProperty("balances")[0].GetProperty("minorUnits").GetInt64().ShouldBe(12_345);
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        theirs.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await other.GetAsync($"/api/payment/wallets/{owner}/statement?currency=USD")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/payment/wallets/{owner}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.WalletAsync(owner, "USD")).ShouldBe(12_345);
    }

    [Fact]
    public async Task CreditTestMoney_ReplayedKey_CreditsOnce()
    {
        var company = Ids.Company();
        using var client = host.Operator();
        var body = new { amount = new { minorUnits = 50_000, currency = "KRW" }, idempotencyKey = "top-up-1" };

        var first = await (await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits", body)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits", body)).Content.ReadFromJsonAsync<JsonElement>();

        first.GetProperty("replayed").GetBoolean().ShouldBeFalse();
        again.GetProperty("replayed").GetBoolean().ShouldBeTrue();
        again.GetProperty("postingId").GetGuid().ShouldBe(first.GetProperty("postingId").GetGuid());
        (await host.WalletAsync(company, "KRW")).ShouldBe(50_000);
    }

    [Fact]
    public async Task CreditTestMoney_BySme_IsForbidden()
    {
        var company = Ids.Company();
        using var client = host.Sme(company);

        var response = await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits", new { amount = new { minorUnits = 1, currency = "KRW" }, idempotencyKey = "k" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.PostingsAsync(company.ToString())).ShouldBe(0);
    }

    [Theory]
    [InlineData(0, "KRW", "amount")]
    [InlineData(-100, "KRW", "amount")]
    [InlineData(100, "XYZ", "amount.currency")]
    [InlineData(1_000_000_000_000_001, "KRW", "amount")]
    [InlineData(long.MaxValue, "KRW", "amount")]
    public async Task CreditTestMoney_BadAmount_IsValidationProblemAndNothingPosted(long minorUnits, string currency, string field)
    {
        var company = Ids.Company();
        using var client = host.Operator();

        var response = await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits", new { amount = new { minorUnits, currency }, idempotencyKey = "k" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await host.PostingsAsync(company.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task CreditTestMoney_WithoutAmount_NamesTheAmountAsMissing()
    {
        var company = Ids.Company();
        using var client = host.Operator();

        var response = await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits", new { idempotencyKey = "k" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["amount"]);
        errors.GetProperty("amount")[0].GetString()!.ShouldContain("required");
        (await host.PostingsAsync(company.ToString())).ShouldBe(0);
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("US")]
    public async Task CreditTestMoney_CompanyOfAnotherHubOrOfNone_IsNotFoundAndNothingPosted(string hub)
    {
        var company = Ids.Company(hub);
        using var client = host.Operator();

        var response = await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits", new { amount = new { minorUnits = 1_000, currency = "KRW" }, idempotencyKey = "k" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await host.PostingsAsync(company.ToString())).ShouldBe(0);
        (await host.AccountsAsync(company.ToString())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/payment/wallets/me")]
    [InlineData("/api/payment/wallets/me/statement?currency=KRW")]
    [InlineData("/api/payment/wallets/KR-O-000001")]
    public async Task Wallet_NamedByAnIdNoHubCouldGive_IsAValidationProblemNamingTheCompany(string uri)
    {
        using var own = host.Sme(Ids.Company());

        var response = await own.GetAsync(uri);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("company")[0].GetString()!.ShouldContain("is not a company id");
    }

    [Fact]
    public async Task CreditTestMoney_BeyondTheLargestBalance_IsRefusedAndEveryBalanceStaysReadable()
    {
        // CHF is this class's alone, so the hub's clearing account in it holds only what this test credits.
        var (full, other) = (Ids.Company(), Ids.Company());
        const long largestAmount = 1_000_000_000_000_000;
        const long largestBalance = 100 * largestAmount;
        using var client = host.Operator();
        for (var i = 0; i < largestBalance / largestAmount; i++)
        {
            await host.CreditAsync(full, largestAmount, "CHF");
        }

        var overWallet = await client.PostAsJsonAsync($"/api/payment/wallets/{full}/credits", new { amount = new { minorUnits = 1, currency = "CHF" }, idempotencyKey = "over" });
        var overClearing = await client.PostAsJsonAsync($"/api/payment/wallets/{other}/credits", new { amount = new { minorUnits = 1, currency = "CHF" }, idempotencyKey = "over" });

        overWallet.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await overWallet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().ShouldBe("balance-limit");
        overClearing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await host.PostingsAsync(":over")).ShouldBe(0);
        (await host.WalletAsync(full, "CHF")).ShouldBe(largestBalance);
        (await host.WalletAsync(other, "CHF")).ShouldBe(0);
        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{full}/statement?currency=CHF");
        statement.GetProperty("balance").GetProperty("minorUnits").GetInt64().ShouldBe(largestBalance);
        (await host.AccountsAsync(PaymentHost.Hub.ToString()))["Clearing CHF"].ShouldBe(largestBalance);
    }

    [Fact]
    public async Task GetStatement_ListsEveryMovementWithARunningBalance()
    {
        var (buyer, supplier) = (Ids.Company(), Ids.Company());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(Ids.Order(), buyer, supplier, await host.QuoteAsync(buyer, "KRW", 300_000, "KRW"));
        using var client = host.Sme(buyer);

        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{buyer}/statement?currency=KRW");

        var lines = statement.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("amount").GetProperty("minorUnits").GetInt64()).ShouldBe([1_000_000, -300_000]);
        lines.Select(l => l.GetProperty("balance").GetProperty("minorUnits").GetInt64()).ShouldBe([1_000_000, 700_000]);
        statement.GetProperty("balance").GetProperty("minorUnits").GetInt64().ShouldBe(700_000);
    }

    [Fact]
    public async Task GetStatement_InPages_ContinuesTheRunningBalanceFromPageToPage()
    {
        var company = Ids.Company();
        long[] credits = [100, 200, 300, 400, 500];
        foreach (var credit in credits)
        {
            await host.CreditAsync(company, credit, "MYR");
        }

        using var client = host.Sme(company);
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{company}/statement?currency=MYR&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        pages.Select(p => p.GetProperty("lines").GetArrayLength()).ShouldBe([2, 2, 1]);
        var lines = pages.SelectMany(p => p.GetProperty("lines").EnumerateArray()).ToList();
        lines.Select(l => l.GetProperty("amount").GetProperty("minorUnits").GetInt64()).ShouldBe(credits);
        lines.Select(l => l.GetProperty("balance").GetProperty("minorUnits").GetInt64()).ShouldBe([100, 300, 600, 1_000, 1_500]);
        pages.ShouldAllBe(p => p.GetProperty("balance").GetProperty("minorUnits").GetInt64() == 1_500);
    }

    [Fact]
    public async Task GetStatement_WithoutLimit_IsOneHundredLinesAndACursor()
    {
        var company = Ids.Company();
        for (var i = 0; i < 101; i++)
        {
            await host.CreditAsync(company, 1, "JPY");
        }

        using var client = host.Sme(company);

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{company}/statement?currency=JPY");
        var rest = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{company}/statement?currency=JPY&cursor={first.GetProperty("nextCursor").GetString()}");

        first.GetProperty("lines").GetArrayLength().ShouldBe(100);
        rest.GetProperty("lines").GetArrayLength().ShouldBe(1);
        rest.GetProperty("lines")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64().ShouldBe(101);
        rest.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task GetStatement_ConcurrentPostings_EachLineCarriesTheBalanceAfterIt()
    {
        var company = Ids.Company();
        var credits = Enumerable.Range(1, 24).Select(i => (long)i * 100).ToList();
        await Task.WhenAll(credits.Select(c => host.CreditAsync(company, c, "SGD")));
        using var client = host.Sme(company);

        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{company}/statement?currency=SGD");

        var lines = statement.GetProperty("lines").EnumerateArray()
            .Select(l => (Amount: l.GetProperty("amount").GetProperty("minorUnits").GetInt64(), Balance: l.GetProperty("balance").GetProperty("minorUnits").GetInt64()))
            .ToList();
        lines.Select(l => l.Amount).Order().ShouldBe(credits);
        lines.Select((l, i) => l.Balance - (i == 0 ? 0 : lines[i - 1].Balance)).ShouldBe(lines.Select(l => l.Amount));
        lines[^1].Balance.ShouldBe(credits.Sum());
        statement.GetProperty("balance").GetProperty("minorUnits").GetInt64().ShouldBe(credits.Sum());
    }

    [Fact]
    public async Task GetStatement_CursorGivenBeforeLinesWereNumbered_ContinuesAfterItsLine()
    {
        var (company, other) = (Ids.Company(), Ids.Company());
        foreach (var credit in new long[] { 100, 200, 300 })
        {
            await host.CreditAsync(company, credit, "NZD");
        }

        await host.CreditAsync(other, 50, "NZD");
        using var client = host.Sme(company);
        string EarlierCursor(LineOf line) => PageCursor.Encode(new { line.PostedAt, Line = line.Id });

        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/api/payment/wallets/{company}/statement?currency=NZD&cursor={EarlierCursor((await LinesAsync(company, "NZD"))[1])}");
        var stranger = await client.GetAsync($"/api/payment/wallets/{company}/statement?currency=NZD&cursor={EarlierCursor((await LinesAsync(other, "NZD"))[0])}");

        var line = page.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("amount").GetProperty("minorUnits").GetInt64().ShouldBe(300);
        line.GetProperty("balance").GetProperty("minorUnits").GetInt64().ShouldBe(600);
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cursor", out _).ShouldBeTrue();
    }

    // A wallet's lines in the order they were written, with their posting's time.
    private async Task<List<LineOf>> LinesAsync(CompanyId company, string currency)
    {
        await using var db = host.Db();
        return await (
                from account in db.Accounts
                where account.Kind == AccountKind.SmeWallet && account.Owner == company.ToString() && account.Currency == currency
                join line in db.PostingLines on account.Id equals line.AccountId
                join posting in db.Postings on line.PostingId equals posting.Id
                orderby line.Sequence
                select new LineOf(line.Id, posting.PostedAt))
            .ToListAsync();
    }

    private sealed record LineOf(Guid Id, DateTime PostedAt);

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=eyJQb3N0ZWRBdCI6IjIwMjYtMDEtMDFUMDA6MDA6MDAiLCJMaW5lIjoiMDE5M2EwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAxIn0", "cursor")]
    public async Task GetStatement_BadPage_IsValidationProblem(string query, string field)
    {
        var company = Ids.Company();
        await host.CreditAsync(company, 1_000, "KRW");
        using var client = host.Sme(company);

        var response = await client.GetAsync($"/api/payment/wallets/{company}/statement?currency=KRW&{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task GetStatement_UnknownCurrency_IsValidationProblem()
    {
        var company = Ids.Company();
        using var client = host.Sme(company);

        var response = await client.GetAsync($"/api/payment/wallets/{company}/statement?currency=ABC");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
