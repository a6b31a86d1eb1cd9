using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Payment.Tests.Data;

/// <summary>
/// The ledger's checkpoint folds the lines of ended transactions into each account, and a balance read from the
/// checkpoint and the lines since is always the sum of the account's lines: across checkpoints taken at any moment,
/// while postings commit, and with a transaction left open across them.
/// </summary>
public sealed class LedgerCheckpointTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Checkpoint_FoldsTheLinesIn_AndTheBalancesReadTheSame()
    {
        var companies = Enumerable.Range(0, 3).Select(_ => Ids.Company()).ToList();
        foreach (var (company, i) in companies.Select((c, i) => (c, i)))
        {
            await host.CreditAsync(company, 1_000_00 * (i + 1), "USD");
            await host.CreditAsync(company, 250_00, "USD");
        }

        await using var db = host.Db();
        var owners = companies.Select(c => c.ToString()).ToList();
        var folded = await FoldedAsync();
        // Taken again until the wallets' lines are in: a transaction of another test still open holds the mark back a moment.
        await Eventually.TrueAsync(async () =>
        {
            await host.CheckpointAsync();
            folded = await FoldedAsync();
            return folded.Count == 3 && folded.All(f => f.Lines == 2);
        }, TimeSpan.FromSeconds(20), "each wallet's lines are folded into its checkpoint");
        foreach (var (company, i) in companies.Select((c, i) => (c, i)))
        {
            var wallet = folded.Single(f => f.Owner == company.ToString());
            (wallet.Debits, wallet.Credits, wallet.Lines).ShouldBe((0m, 1_000m * (i + 1) + 250m, 2L));
            (await host.WalletAsync(company, "USD")).ShouldBe(1_000_00 * (i + 1) + 250_00);
            (await host.AccountsAsync(company.ToString()))["SmeWallet USD"].ShouldBe(1_000_00 * (i + 1) + 250_00);
        }

        (await db.CheckpointMarks.SingleAsync()).TakenAt.ShouldNotBeNull();
        await BalancesAreTheirLinesAsync(db);

        Task<List<(string Owner, decimal Debits, decimal Credits, long Lines)>> FoldedAsync() => (
                from checkpoint in db.Checkpoints.AsNoTracking()
                join account in db.Accounts on checkpoint.AccountId equals account.Id
                where owners.Contains(account.Owner)
                select new { account.Owner, checkpoint.Debits, checkpoint.Credits, checkpoint.Lines })
            .AsAsyncEnumerable().Select(f => (f.Owner, f.Debits, f.Credits, f.Lines)).ToListAsync().AsTask();
    }

    [Fact]
    public async Task Checkpoint_TakenWhileATransactionWritingLinesIsOpen_LeavesItsLinesOut_AndTheyCountOnceCommitted()
    {
        await using var db = host.Db();
        var (a, b) = await OpenAccountsAsync(db);

        await using var open = new NpgsqlConnection(db.Database.GetConnectionString());
        await open.OpenAsync();
        await using var transaction = await open.BeginTransactionAsync();
        var posting = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO postings (id, idempotency_key, description, posted_at) VALUES (@posting, @key, 'left open', now());
            INSERT INTO posting_lines (id, posting_id, account_id, currency, amount) VALUES (gen_random_uuid(), @posting, @a, 'USD', 7.25), (gen_random_uuid(), @posting, @b, 'USD', -7.25);
            """, open, transaction))
        {
            insert.Parameters.AddWithValue("posting", posting);
            insert.Parameters.AddWithValue("key", "open-" + posting);
            insert.Parameters.AddWithValue("a", a.Id);
            insert.Parameters.AddWithValue("b", b.Id);
            await insert.ExecuteNonQueryAsync();
        }

        await using (var xid = new NpgsqlCommand("SELECT pg_current_xact_id()::text::bigint", open, transaction))
        {
            var written = (long)(await xid.ExecuteScalarAsync())!;
            // Postings committing meanwhile and checkpoints taken over them: the mark stops at the open transaction.
            await host.CreditAsync(Ids.Company(), 10_00, "USD");
            await host.CheckpointAsync();
            await host.CreditAsync(Ids.Company(), 10_00, "USD");
            await host.CheckpointAsync();
            (await db.CheckpointMarks.AsNoTracking().Select(m => m.BeforeXid).SingleAsync()).ShouldBeLessThanOrEqualTo(written);
        }

        (await NetAsync(db, a.Id)).ShouldBe(0m, "an uncommitted line is in no balance");
        await transaction.CommitAsync();
        (await NetAsync(db, a.Id)).ShouldBe(7.25m, "read with the lines after the mark");
        (await NetAsync(db, b.Id)).ShouldBe(-7.25m);

        await Eventually.TrueAsync(async () =>
        {
            await host.CheckpointAsync();
            return await db.Checkpoints.AsNoTracking().AnyAsync(c => c.AccountId == a.Id);
        }, TimeSpan.FromSeconds(20), "the line is folded in once its transaction ended");
        (await db.Checkpoints.AsNoTracking().SingleAsync(c => c.AccountId == a.Id)).Debits.ShouldBe(7.25m);
        (await NetAsync(db, a.Id)).ShouldBe(7.25m, "and counted once");
        await BalancesAreTheirLinesAsync(db);
    }

    [Fact]
    public async Task Balances_UnderConcurrentPostingsAndCheckpoints_AreAlwaysTheSumOfTheirLines()
    {
        var companies = Enumerable.Range(0, 8).Select(_ => Ids.Company()).ToList();
        using var done = new CancellationTokenSource();
        var checkpoints = Task.Run(async () =>
        {
            var taken = 0;
            while (!done.IsCancellationRequested)
            {
                await host.CheckpointAsync();
                taken++;
            }

            return taken;
        });

        await Task.WhenAll(companies.Select(async company =>
        {
            for (var i = 1; i <= 15; i++)
            {
                await host.CreditAsync(company, i * 1_00, "EUR");
            }
        }));
        await done.CancelAsync();
        (await checkpoints).ShouldBeGreaterThan(1);

        foreach (var company in companies)
        {
            (await host.AccountsAsync(company.ToString()))["SmeWallet EUR"].ShouldBe(Enumerable.Range(1, 15).Sum(i => i * 1_00L));
        }

        await using var db = host.Db();
        await BalancesAreTheirLinesAsync(db);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    // Every account: its checkpoint and lines since (the view) against the sum of all its lines, line for line.
    private static async Task BalancesAreTheirLinesAsync(PaymentDbContext db)
    {
        var lines = await db.PostingLines.AsNoTracking().GroupBy(l => l.AccountId)
            .Select(g => new { Account = g.Key, Debits = g.Sum(l => l.Amount > 0 ? l.Amount : 0m), Credits = g.Sum(l => l.Amount < 0 ? -l.Amount : 0m) })
            .ToDictionaryAsync(x => x.Account, x => (x.Debits, x.Credits));
        var totals = await db.AccountTotals.ToDictionaryAsync(t => t.AccountId, t => (t.Debits, t.Credits));
        totals.Count.ShouldBe(lines.Count);
        foreach (var (account, sums) in lines)
        {
            totals[account].ShouldBe(sums, $"account {account}");
        }
    }

    private static Task<decimal> NetAsync(PaymentDbContext db, Guid account) =>
        db.AccountTotals.Where(t => t.AccountId == account).Select(t => t.Debits - t.Credits).SingleOrDefaultAsync();

    private static async Task<(LedgerAccount A, LedgerAccount B)> OpenAccountsAsync(PaymentDbContext db)
    {
        var now = DateTime.UtcNow;
        var a = LedgerAccount.Open(AccountKind.FxPosition, Guid.NewGuid().ToString("N")[..20], CurrencyCode.USD, now);
        var b = LedgerAccount.Open(AccountKind.PlatformFees, Guid.NewGuid().ToString("N")[..20], CurrencyCode.USD, now);
        db.Accounts.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a, b);
    }
}
