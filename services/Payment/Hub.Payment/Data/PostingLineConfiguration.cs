using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hub.Payment.Data;

internal sealed class PostingLineConfiguration : IEntityTypeConfiguration<PostingLine>
{
    /// <summary>The column <c>written_by</c>, the id of the transaction that wrote the line; not a property of the line.</summary>
    public const string WrittenBy = "WrittenBy";

    public void Configure(EntityTypeBuilder<PostingLine> b)
    {
        b.ToTable("posting_lines");
        b.HasKey(l => l.Id);
        b.Property(l => l.Currency).HasMaxLength(3).IsRequired();
        b.Property(l => l.Amount).HasPrecision(28, 4);
        b.HasOne<LedgerAccount>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        // Given by the trigger posting_lines_keep_balance as each line is written; a statement pages by them. The index
        // also finds the lines of an account that keeps no balance, to sum them.
        b.Property(l => l.Sequence).ValueGeneratedOnAdd().Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        b.Property(l => l.NetDebitsAfter).HasPrecision(28, 4).ValueGeneratedOnAdd();
        b.HasIndex(l => new { l.AccountId, l.Sequence }).IsUnique();
        // The transaction that wrote the line (its 64-bit id, given by the database): a checkpoint folds in the lines
        // of the transactions that have ended, and a balance adds the lines of later ones to it.
        b.Property<long>(WrittenBy).HasDefaultValueSql("pg_current_xact_id()::text::bigint").ValueGeneratedOnAdd();
        b.HasIndex(WrittenBy);
    }
}
