using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Payment.Tests.Data;

/// <summary>The database refuses what the domain never does: changing a posting, or committing one that does not balance.</summary>
public sealed class LedgerDatabaseRulesTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Posting_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        var company = Ids.Company();
        await host.CreditAsync(company, 1_000, "USD");
        await using var db = host.Db();
        var posting = await db.Postings.Include(p => p.Lines).SingleAsync(p => p.IdempotencyKey.Contains(company.ToString()));

        await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE posting_lines SET amount = amount * 2 WHERE posting_id = {posting.Id}"));
        await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM postings WHERE id = {posting.Id}"));
        (await host.WalletAsync(company, "USD")).ShouldBe(1_000);
    }

    [Fact]
    public async Task WalletKeptBalance_FollowsEveryLine_AnEscrowKeepsNone()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_00, "USD");
        await host.CreditAsync(buyer, 500_00, "USD");
        var quote = await host.QuoteAsync(buyer, "USD", 1_350_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, quote);
        var insufficient = await host.QuoteAsync(buyer, "USD", 100_000_000, "KRW");
        await Should.ThrowAsync<RpcException>(() => host.SecureAsync(Ids.Order(), buyer, supplier, insufficient));

        await using var db = host.Db();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.Owner == buyer.ToString() || a.Owner == order.ToString())
            .Select(a => new { a.Kind, a.KeptNetDebits, Net = db.PostingLines.Where(l => l.AccountId == a.Id).Sum(l => l.Amount) })
            .ToListAsync();
        var wallet = accounts.Single(a => a.Kind == AccountKind.SmeWallet);
        wallet.Net.ShouldBe(-(1_500m - quote.Pay.MinorUnits / 100m));
        wallet.KeptNetDebits.ShouldBe(wallet.Net);
        (await host.WalletAsync(buyer, "USD")).ShouldBe(1_500_00 - quote.Pay.MinorUnits);
        accounts.Single(a => a.Kind == AccountKind.Escrow).KeptNetDebits.ShouldBe(0m);
    }

    [Fact]
    public async Task KeptAccounts_NumberTheirLines_WithTheNetAfterEach()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_00, "EUR");
        await host.CreditAsync(buyer, 300_00, "EUR");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "EUR", 150_000, "KRW"));

        await using var db = host.Db();
        var kept = await db.Accounts.AsNoTracking()
            .Where(a => (a.Kind == AccountKind.SmeWallet && a.Owner == buyer.ToString()) || (a.Kind == AccountKind.Clearing && a.Currency == "EUR"))
            .ToListAsync();
        var escrowLines = await db.PostingLines.AsNoTracking()
            .Where(l => db.Accounts.Any(a => a.Id == l.AccountId && a.Kind == AccountKind.Escrow && a.Owner == order.ToString()))
            .ToListAsync();

        kept.Select(a => a.Kind).Order().ShouldBe([AccountKind.SmeWallet, AccountKind.Clearing]);
        foreach (var account in kept)
        {
            var lines = await db.PostingLines.AsNoTracking().Where(l => l.AccountId == account.Id).OrderBy(l => l.Sequence).ToListAsync();
            lines.Select(l => l.Sequence).ShouldBe(Enumerable.Range(1, lines.Count).Select(i => (long?)i));
            lines.Select(l => l.NetDebitsAfter).ShouldBe(lines.Select((_, i) => (decimal?)lines.Take(i + 1).Sum(l => l.Amount)));
            account.KeptLines.ShouldBe(lines.Count);
            account.KeptNetDebits.ShouldBe(lines.Sum(l => l.Amount));
        }

        escrowLines.ShouldNotBeEmpty();
        escrowLines.ShouldAllBe(l => l.Sequence == null && l.NetDebitsAfter == null);
    }

    [Fact]
    public async Task Posting_UnbalancedLines_AreRefusedAtCommit()
    {
        await using var db = host.Db();
        var now = DateTime.UtcNow;
        var a = LedgerAccount.Open(AccountKind.Clearing, Guid.NewGuid().ToString("N")[..20], CurrencyCode.USD, now);
        var b = LedgerAccount.Open(AccountKind.SmeWallet, Ids.Company().ToString(), CurrencyCode.USD, now);
        db.Accounts.AddRange(a, b);
        await db.SaveChangesAsync();
        var posting = Posting.Create("raw-" + Guid.NewGuid(), "raw", now, [PostingEntry.Debit(a, new Money(5m, CurrencyCode.USD)), PostingEntry.Credit(b, new Money(5m, CurrencyCode.USD))]);
        db.Postings.Add(posting);
        await db.SaveChangesAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO posting_lines (id, posting_id, account_id, currency, amount) VALUES ({Guid.NewGuid()}, {posting.Id}, {a.Id}, 'USD', 1)");

        await Should.ThrowAsync<PostgresException>(() => transaction.CommitAsync());
    }
}
