using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> b)
    {
        b.ToTable("postings");
        b.HasKey(p => p.Id);
        b.Property(p => p.IdempotencyKey).HasMaxLength(200).IsRequired();
        b.HasIndex(p => p.IdempotencyKey).IsUnique();
        b.Property(p => p.Description).HasMaxLength(500).IsRequired();
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PostingId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(p => p.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
