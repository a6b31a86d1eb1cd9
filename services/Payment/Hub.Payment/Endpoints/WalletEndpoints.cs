using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Endpoints;

/// <summary>
/// SME wallets: balances and statements for the company itself and operators (others get 404), test-money credits by
/// operators only.
/// </summary>
internal static class WalletEndpoints
{
    public static void MapWalletEndpoints(this IEndpointRouteBuilder routes)
    {
        var wallets = routes.MapGroup("/api/payment/wallets/{company}").WithTags("Wallets");
        wallets.MapGet("/", GetWallet).RequireAuthorization(HubPolicies.SmeOrOperator);
        wallets.MapGet("/statement", GetStatement).RequireAuthorization(HubPolicies.SmeOrOperator);
        wallets.MapPost("/credits", CreditTestMoney).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Results<Ok<WalletResponse>, ProblemHttpResult>> GetWallet(string company, Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        if (!CompanyId.TryParse(company, out var id) || !caller.CanActFor(id))
        {
            return Problems.NotFound($"No wallet of {company}.");
        }

        var balances = await db.Accounts.AsNoTracking()
            .Where(a => a.Kind == AccountKind.SmeWallet && a.Owner == company)
            .Select(a => new { a.Currency, Net = a.WalletNetDebits })
            .OrderBy(a => a.Currency)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new WalletResponse(company, balances
            .Select(b => MoneyDto.From(new Money(-b.Net, CurrencyCode.Parse(b.Currency))))
            .ToList()));
    }

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> GetStatement(
        string company, string? currency, Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        if (!CompanyId.TryParse(company, out var id) || !caller.CanActFor(id))
        {
            return Problems.NotFound($"No wallet of {company}.");
        }

        if (!CurrencyCode.TryParse(currency, out var code))
        {
            return Problems.Invalid("currency", $"'{currency}' is not an ISO 4217 currency code.");
        }

        var lines = await (
                from account in db.Accounts.AsNoTracking()
                where account.Kind == AccountKind.SmeWallet && account.Owner == company && account.Currency == code.Code
                join line in db.PostingLines on account.Id equals line.AccountId
                join posting in db.Postings on line.PostingId equals posting.Id
                orderby posting.PostedAt, posting.Id
                select new { posting.Id, posting.Description, posting.PostedAt, line.Amount })
            .ToListAsync(cancellationToken);

        var running = Money.Zero(code);
        var entries = new List<StatementLine>(lines.Count);
        foreach (var line in lines)
        {
            var amount = new Money(-line.Amount, code);
            running += amount;
            entries.Add(new StatementLine(line.Id, line.PostedAt, line.Description, MoneyDto.From(amount), MoneyDto.From(running)));
        }

        return TypedResults.Ok(new StatementResponse(company, code.Code, MoneyDto.From(running), entries));
    }

    private static async Task<Results<Ok<CreditResponse>, ProblemHttpResult>> CreditTestMoney(
        string company, CreditRequest request, Caller caller, WalletDesk desk, Ledger ledger, CancellationToken cancellationToken)
    {
        try
        {
            var id = Input.Company("company", company);
            var requested = Input.Required("amount", request.Amount);
            var amount = Input.Amount("amount", requested.MinorUnits, requested.Currency);
            var key = Input.Key("idempotencyKey", request.IdempotencyKey);
            var (postingId, replayed) = await desk.CreditTestMoneyAsync(id, amount, key, caller.Subject, cancellationToken);
            var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, company, amount.Currency, cancellationToken);
            return TypedResults.Ok(new CreditResponse(postingId, replayed, MoneyDto.From(await ledger.BalanceAsync(wallet, cancellationToken))));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }
}

internal sealed record WalletResponse(string Company, List<MoneyDto> Balances);

internal sealed record StatementResponse(string Company, string Currency, MoneyDto Balance, List<StatementLine> Lines);

/// <summary>A statement line: the amount is positive when money came in, negative when it went out.</summary>
internal sealed record StatementLine(Guid PostingId, DateTime PostedAt, string Description, MoneyDto Amount, MoneyDto Balance);

internal sealed record CreditRequest(MoneyDto? Amount, string? IdempotencyKey);

internal sealed record CreditResponse(Guid PostingId, bool Replayed, MoneyDto Balance);
