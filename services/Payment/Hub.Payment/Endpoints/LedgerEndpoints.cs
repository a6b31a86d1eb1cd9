using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Endpoints;

/// <summary>The whole ledger, for operators: every account with its derived balance.</summary>
internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/api/payment/ledger").WithTags("Ledger").RequireAuthorization(HubPolicies.Operator);
        ledger.MapGet("/accounts", ListAccounts);
    }

    private static async Task<Ok<List<AccountResponse>>> ListAccounts(string? owner, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => owner == null || a.Owner == owner)
            .OrderBy(a => a.Kind).ThenBy(a => a.Owner).ThenBy(a => a.Currency)
            .Select(a => new { Account = a, Net = db.PostingLines.Where(l => l.AccountId == a.Id).Sum(l => l.Amount) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(accounts
            .Select(a => new AccountResponse(a.Account.Id, a.Account.Kind.ToString(), a.Account.Owner, MoneyDto.From(a.Account.BalanceFrom(a.Net)), MoneyDto.From(new Money(a.Net, a.Account.CurrencyCode))))
            .ToList());
    }
}

/// <summary>
/// An account with its balance on its normal side (credits − debits, except clearing) and its net debits
/// (debits − credits: the figure that sums to zero per currency over the whole ledger).
/// </summary>
internal sealed record AccountResponse(Guid Id, string Kind, string Owner, MoneyDto Balance, MoneyDto NetDebits);
