using Hub.ServiceDefaults.Messaging.Inbox;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Probes;
using Microsoft.EntityFrameworkCore;

namespace Hub.ServiceDefaults.Data;

/// <summary>
/// The base of every service's DbContext: the unit of work that also holds the service's outbox and inbox,
/// so that a state change and the messages it causes commit in one transaction.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Messages waiting for (or already given to) the relay.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Ids of messages this service's consumers have handled.</summary>
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Messaging probes sent through this service's outbox.</summary>
    public DbSet<MessagingProbe> MessagingProbes => Set<MessagingProbe>();

    // The outbox rows saved in the current transaction, handed to the relay when it commits and forgotten when it
    // ends otherwise (see OutboxCommitInterceptor).
    internal List<OutboxMessage> UncommittedOutboxMessages { get; } = [];

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new MessagingProbeConfiguration());
    }
}
