using System.Text;
using Hub.Payment.Domain.Disputes;
using Hub.Payment.Domain.Escrows;
using Hub.Payment.Domain.Fx;
using Hub.Payment.Domain.Ledger;
using Hub.Payment.Domain.Payouts;
using Hub.Payment.Domain.Terms;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Data;

public sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options) : ServiceDbContext(options)
{
    internal DbSet<FxRate> FxRates => Set<FxRate>();

    internal DbSet<FxQuote> FxQuotes => Set<FxQuote>();

    internal DbSet<PaymentTerms> Terms => Set<PaymentTerms>();

    internal DbSet<LedgerAccount> Accounts => Set<LedgerAccount>();

    internal DbSet<Posting> Postings => Set<Posting>();

    internal DbSet<PostingLine> PostingLines => Set<PostingLine>();

    internal DbSet<LedgerCheckpoint> Checkpoints => Set<LedgerCheckpoint>();

    internal DbSet<LedgerCheckpointMark> CheckpointMarks => Set<LedgerCheckpointMark>();

    /// <summary>Every account's debits and credits to date (checkpoint + lines since); read only.</summary>
    internal IQueryable<AccountTotals> AccountTotals => Set<AccountTotals>().AsNoTracking();

    internal DbSet<Escrow> Escrows => Set<Escrow>();

    internal DbSet<EscrowRefund> EscrowRefunds => Set<EscrowRefund>();

    internal DbSet<Payout> Payouts => Set<Payout>();

    internal DbSet<Dispute> Disputes => Set<Dispute>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentDbContext).Assembly);

        // The payment tables follow the shared tables' snake_case without naming every column by hand.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Hub.Payment", StringComparison.Ordinal) == true))
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
