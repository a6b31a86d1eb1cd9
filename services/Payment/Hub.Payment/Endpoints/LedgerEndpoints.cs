using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Endpoints;

/// <summary>The whole ledger, for operators: its accounts with their balances, a page at a time, and the trial balance.</summary>
internal static class LedgerEndpoints
{
    /// <summary>Accounts per page when the request names no <c>limit</c>.</summary>
    public const int AccountPageSize = 100;

    /// <summary>The largest <c>limit</c> a page of accounts takes.</summary>
    public const int MaxAccountPageSize = 1_000;

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/api/payment/ledger").WithTags("Ledger").RequireAuthorization(HubPolicies.Operator);
        ledger.MapGet("/accounts", ListAccounts);
        ledger.MapGet("/trial-balance", TrialBalance);
    }

    /// <summary>
    /// The accounts in order of kind, owner and currency, those of one <c>owner</c> and of one <c>kind</c> when given,
    /// a page of <c>limit</c> (<see cref="AccountPageSize"/> when absent, at most <see cref="MaxAccountPageSize"/>) at a
    /// time; <c>cursor</c> is the previous page's <c>nextCursor</c>.
    /// </summary>
    private static async Task<Results<Ok<AccountPage>, ProblemHttpResult>> ListAccounts(
        string? owner, string? kind, int? limit, string? cursor, PaymentDbContext db, Ledger ledger, CancellationToken cancellationToken)
    {
        AccountKind? wanted = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!RequestValues.TryParseName<AccountKind>(kind, out var parsed))
            {
                return Problems.Invalid("kind", $"Expected one of the account kinds: {string.Join(", ", Enum.GetNames<AccountKind>())}.");
            }

            wanted = parsed;
        }

        if (!RequestValues.TryPageSize(limit, AccountPageSize, MaxAccountPageSize, out var take))
        {
            return Problems.Invalid("limit", RequestValues.PageSizeRule(MaxAccountPageSize));
        }

        if (!PageCursor.TryDecode(cursor, (AccountCursor c) => c.Account != Guid.Empty, out var after))
        {
            return Problems.Invalid("cursor", "Not a cursor of this list; pass back the nextCursor of the previous page.");
        }

        var accounts = db.Accounts.AsNoTracking().Where(a => (owner == null || a.Owner == owner) && (wanted == null || a.Kind == wanted));
        if (after is not null)
        {
            // The page after the previous one's last account, in the list's order (the order of the accounts' unique key).
            var mark = await db.Accounts.AsNoTracking().Where(a => a.Id == after.Account).Select(a => new { a.Kind, a.Owner, a.Currency }).SingleOrDefaultAsync(cancellationToken);
            if (mark is null)
            {
                return Problems.Invalid("cursor", "Not a cursor of this list; pass back the nextCursor of the previous page.");
            }

            accounts = accounts.Where(a => a.Kind > mark.Kind
                || (a.Kind == mark.Kind && (string.Compare(a.Owner, mark.Owner) > 0 || (a.Owner == mark.Owner && string.Compare(a.Currency, mark.Currency) > 0))));
        }

        var page = await accounts
            .OrderBy(a => a.Kind).ThenBy(a => a.Owner).ThenBy(a => a.Currency)
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        var shown = page.Take(take).ToList();
        var net = await ledger.NetDebitsAsync(shown, cancellationToken);
        var listed = shown
            .Select(a => new AccountResponse(a.Id, a.Kind.ToString(), a.Owner, MoneyDto.From(a.BalanceFrom(net[a.Id])), MoneyDto.From(new Money(net[a.Id], a.CurrencyCode))))
            .ToList();
        var next = page.Count > take ? PageCursor.Encode(new AccountCursor(listed[^1].Id)) : null;
        return TypedResults.Ok(new AccountPage(listed, next));
    }

    /// <summary>
    /// Debits and credits of every kind of account per currency, and per currency their totals: the books balance when
    /// each currency's debits equal its credits.
    /// </summary>
    private static async Task<Ok<TrialBalanceResponse>> TrialBalance(PaymentDbContext db, CancellationToken cancellationToken)
    {
        // Each account's checkpoint and its lines since: the debits and credits of all its lines, without reading them all.
        var sums = await (
                from totals in db.AccountTotals
                join account in db.Accounts on totals.AccountId equals account.Id
                group totals by new { account.Kind, account.Currency } into g
                select new { g.Key.Kind, g.Key.Currency, Debits = g.Sum(t => t.Debits), Credits = g.Sum(t => t.Credits) })
            .ToListAsync(cancellationToken);
        MoneyDto In(string currency, decimal amount) => MoneyDto.From(new Money(amount, CurrencyCode.Parse(currency)));
        var kinds = sums.OrderBy(s => s.Currency, StringComparer.Ordinal).ThenBy(s => s.Kind)
            .Select(s => new TrialBalanceLine(s.Kind.ToString(), In(s.Currency, s.Debits), In(s.Currency, s.Credits), In(s.Currency, s.Debits - s.Credits)))
            .ToList();
        var currencies = sums.GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Currency: g.Key, Debits: g.Sum(s => s.Debits), Credits: g.Sum(s => s.Credits)))
            .Select(c => new TrialBalanceTotal(c.Currency, In(c.Currency, c.Debits), In(c.Currency, c.Credits), c.Debits == c.Credits))
            .ToList();
        return TypedResults.Ok(new TrialBalanceResponse(currencies.All(c => c.Balanced), currencies, kinds));
    }
}

/// <summary>Where a page of accounts stopped: the last account listed.</summary>
internal sealed record AccountCursor(Guid Account);

/// <summary>A page of accounts: <c>NextCursor</c> fetches the accounts after it, null on the last page.</summary>
internal sealed record AccountPage(List<AccountResponse> Accounts, string? NextCursor);

/// <summary>
/// An account with its balance on its normal side (credits − debits, except clearing) and its net debits
/// (debits − credits: the figure that sums to zero per currency over the whole ledger).
/// </summary>
internal sealed record AccountResponse(Guid Id, string Kind, string Owner, MoneyDto Balance, MoneyDto NetDebits);

/// <summary>The trial balance: whether every currency balances, its totals, and the debits and credits of each kind of account.</summary>
internal sealed record TrialBalanceResponse(bool Balanced, List<TrialBalanceTotal> Currencies, List<TrialBalanceLine> Kinds);

/// <summary>One currency's debits and credits over the whole ledger; balanced when they are equal.</summary>
internal sealed record TrialBalanceTotal(string Currency, MoneyDto Debits, MoneyDto Credits, bool Balanced);

/// <summary>The debits and credits of one kind of account in one currency, and their difference (net debits).</summary>
internal sealed record TrialBalanceLine(string Kind, MoneyDto Debits, MoneyDto Credits, MoneyDto NetDebits);
