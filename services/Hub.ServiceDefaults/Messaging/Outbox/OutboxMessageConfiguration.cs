using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.ServiceDefaults.Messaging.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(m => m.MessageId).HasColumnName("message_id");
        b.HasIndex(m => m.MessageId).HasDatabaseName("ix_outbox_messages_message_id");
        b.Property(m => m.MessageType).HasColumnName("message_type").IsRequired();
        b.Property(m => m.Destination).HasColumnName("destination");
        b.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb").IsRequired();
        b.Property(m => m.TraceParent).HasColumnName("trace_parent");
        b.Property(m => m.RedeliveryCount).HasColumnName("redelivery_count");
        b.Property(m => m.SourceHub).HasColumnName("source_hub").HasMaxLength(8);
        b.Property(m => m.CreatedAt).HasColumnName("created_at");
        b.Property(m => m.AvailableAt).HasColumnName("available_at");
        b.Property(m => m.SentAt).HasColumnName("sent_at");
        b.Property(m => m.Attempts).HasColumnName("attempts");
        b.Property(m => m.LastError).HasColumnName("last_error");

        // The relay only ever scans unsent rows; a partial index keeps that scan small however long the history.
        b.HasIndex(m => new { m.AvailableAt, m.Id })
            .HasDatabaseName("ix_outbox_messages_pending")
            .HasFilter("sent_at IS NULL");
        b.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_messages_sent_at").HasFilter("sent_at IS NOT NULL");
    }
}
