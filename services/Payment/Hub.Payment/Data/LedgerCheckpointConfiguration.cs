using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class LedgerCheckpointConfiguration :
    IEntityTypeConfiguration<LedgerCheckpoint>, IEntityTypeConfiguration<LedgerCheckpointMark>, IEntityTypeConfiguration<AccountTotals>
{
    public void Configure(EntityTypeBuilder<LedgerCheckpoint> b)
    {
        b.ToTable("ledger_checkpoints");
        b.HasKey(c => c.AccountId);
        b.Property(c => c.Debits).HasPrecision(28, 4);
        b.Property(c => c.Credits).HasPrecision(28, 4);
        b.HasOne<LedgerAccount>().WithOne().HasForeignKey<LedgerCheckpoint>(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LedgerCheckpointMark> b)
    {
        b.ToTable("ledger_checkpoint_marks", t => t.HasCheckConstraint("ck_ledger_checkpoint_marks_only", $"id = {LedgerCheckpointMark.Only}"));
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasData(new { Id = LedgerCheckpointMark.Only, BeforeXid = 0L });
    }

    // A view the migration LedgerCheckpoints writes by hand: the checkpoint of every account and its lines since.
    public void Configure(EntityTypeBuilder<AccountTotals> b)
    {
        b.HasNoKey();
        b.ToView("ledger_account_totals");
        b.Property(t => t.Debits).HasPrecision(28, 4);
        b.Property(t => t.Credits).HasPrecision(28, 4);
    }
}
