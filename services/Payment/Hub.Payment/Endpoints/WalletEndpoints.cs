using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Endpoints;

/// <summary>
/// SME wallets: balances and statements for the company itself and operators (others get 404), test-money credits by
/// operators only.
/// </summary>
internal static class WalletEndpoints
{
    /// <summary>Statement lines per page when the request names no <c>limit</c>.</summary>
    public const int StatementPageLines = 100;

    /// <summary>The largest <c>limit</c> a statement page takes.</summary>
    public const int MaxStatementPageLines = 1_000;

    public static void MapWalletEndpoints(this IEndpointRouteBuilder routes)
    {
        var wallets = routes.MapGroup("/api/payment/wallets/{company}").WithTags("Wallets").RequireWellFormedId("company", CompanyId.Kind);
        wallets.MapGet("/", GetWallet).RequireAuthorization(HubPolicies.SmeOrOperator);
        wallets.MapGet("/statement", GetStatement).RequireAuthorization(HubPolicies.SmeOrOperator);
        wallets.MapPost("/credits", CreditTestMoney).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Results<Ok<WalletResponse>, ProblemHttpResult>> GetWallet(string company, Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        if (!caller.CanActFor(CompanyId.Parse(company)))
        {
            return Problems.NotFound($"No wallet of {company}.");
        }

        var balances = await db.Accounts.AsNoTracking()
            .Where(a => a.Kind == AccountKind.SmeWallet && a.Owner == company)
            .Select(a => new { a.Currency, Net = a.KeptNetDebits })
            .OrderBy(a => a.Currency)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new WalletResponse(company, balances
            .Select(b => MoneyDto.From(new Money(-b.Net, CurrencyCode.Parse(b.Currency))))
            .ToList()));
    }

    /// <summary>
    /// The wallet's movements in one currency, oldest first, a page of <c>limit</c> lines (default
    /// <see cref="StatementPageLines"/>, at most <see cref="MaxStatementPageLines"/>) at a time; <c>cursor</c> is the
    /// previous page's <c>nextCursor</c>. Lines run in the order they were written; each carries the balance after it, and
    /// the statement's balance is the wallet's now.
    /// </summary>
    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> GetStatement(
        string company, string? currency, int? limit, string? cursor, Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        if (!caller.CanActFor(CompanyId.Parse(company)))
        {
            return Problems.NotFound($"No wallet of {company}.");
        }

        if (!CurrencyCode.TryParse(currency, out var code))
        {
            return Problems.Invalid("currency", $"'{currency}' is not an ISO 4217 currency code.");
        }

        if (!RequestValues.TryPageSize(limit, StatementPageLines, MaxStatementPageLines, out var take))
        {
            return Problems.Invalid("limit", RequestValues.PageSizeRule(MaxStatementPageLines));
        }

        if (!StatementCursor.TryDecode(cursor, out var after))
        {
            return Problems.Invalid("cursor", "Not a cursor of a statement; pass back the nextCursor of the previous page.");
        }

        var wallet = await db.Accounts.AsNoTracking()
            .Where(a => a.Kind == AccountKind.SmeWallet && a.Owner == company && a.Currency == code.Code)
            .Select(a => new { a.Id, a.KeptNetDebits })
            .SingleOrDefaultAsync(cancellationToken);
        if (wallet is null)
        {
            return TypedResults.Ok(new StatementResponse(company, code.Code, MoneyDto.From(Money.Zero(code)), [], null));
        }

        // Each line carries the wallet's net after it, so a page reads its own lines only, however deep it starts.
        var start = after is null ? 0 : await after.SequenceInAsync(db, wallet.Id, cancellationToken);
        if (start is null)
        {
            return Problems.Invalid("cursor", "Not a cursor of this statement; pass back the nextCursor of the previous page.");
        }

        var lines = await (
                from line in db.PostingLines
                where line.AccountId == wallet.Id && line.Sequence > start
                join posting in db.Postings on line.PostingId equals posting.Id
                orderby line.Sequence
                select new { PostingId = posting.Id, posting.Description, posting.PostedAt, Sequence = line.Sequence!.Value, line.Amount, After = line.NetDebitsAfter!.Value })
            .Take(take + 1)
            .ToListAsync(cancellationToken);

        var entries = lines.Take(take)
            .Select(l => new StatementLine(l.PostingId, l.PostedAt, l.Description, MoneyDto.From(new Money(-l.Amount, code)), MoneyDto.From(new Money(-l.After, code))))
            .ToList();
        var next = lines.Count > take ? new StatementCursor(lines[take - 1].Sequence).Encode() : null;
        return TypedResults.Ok(new StatementResponse(company, code.Code, MoneyDto.From(new Money(-wallet.KeptNetDebits, code)), entries, next));
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

/// <summary>A page of a statement: <c>NextCursor</c> fetches the lines after it, null on the last page.</summary>
internal sealed record StatementResponse(string Company, string Currency, MoneyDto Balance, List<StatementLine> Lines, string? NextCursor);

/// <summary>A statement line: the amount is positive when money came in, negative when it went out.</summary>
internal sealed record StatementLine(Guid PostingId, DateTime PostedAt, string Description, MoneyDto Amount, MoneyDto Balance);

internal sealed record CreditRequest(MoneyDto? Amount, string? IdempotencyKey);

internal sealed record CreditResponse(Guid PostingId, bool Replayed, MoneyDto Balance);
