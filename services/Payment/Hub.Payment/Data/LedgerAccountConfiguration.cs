using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> b)
    {
        b.ToTable("ledger_accounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Owner).HasMaxLength(40).IsRequired();
        b.Property(a => a.Currency).HasMaxLength(3).IsRequired();
        b.Ignore(a => a.CurrencyCode);
        // Kept by the trigger posting_lines_keep_balance (migration KeptBalancesAndLineSequence); EF only reads them.
        b.Property(a => a.KeptNetDebits).HasPrecision(28, 4).HasDefaultValue(0m).ValueGeneratedOnAddOrUpdate();
        b.Property(a => a.KeptLines).HasDefaultValue(0L).ValueGeneratedOnAddOrUpdate();
        b.HasIndex(a => new { a.Kind, a.Owner, a.Currency }).IsUnique();
    }
}
