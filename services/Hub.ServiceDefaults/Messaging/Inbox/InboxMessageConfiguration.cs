using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.ServiceDefaults.Messaging.Inbox;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox_messages");
        b.HasKey(m => new { m.MessageId, m.Consumer });
        b.Property(m => m.MessageId).HasColumnName("message_id");
        b.Property(m => m.Consumer).HasColumnName("consumer");
        b.Property(m => m.HandledAt).HasColumnName("handled_at");
        b.HasIndex(m => m.HandledAt).HasDatabaseName("ix_inbox_messages_handled_at");
    }
}
