using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class PostingLineConfiguration : IEntityTypeConfiguration<PostingLine>
{
    public void Configure(EntityTypeBuilder<PostingLine> b)
    {
        b.ToTable("posting_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Currency).HasMaxLength(3).IsRequired();
        b.Property(l => l.Amount).HasPrecision(28, 4);
        b.HasOne<LedgerAccount>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.AccountId);
    }
}
