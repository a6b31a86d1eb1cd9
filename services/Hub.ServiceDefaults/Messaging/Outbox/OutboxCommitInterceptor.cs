using System.Data.Common;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Hands the relay the ids of the outbox rows a transaction wrote, and wakes it, when that transaction commits, in
/// process. A database trigger raising NOTIFY did the same across processes, but PostgreSQL serialises the commits of
/// every notifying transaction in the database (measured here: 3,255 → 273 commits/s), so the wake-up lives where the
/// commit happens instead; relays in other processes still find the rows on their next poll.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxWriter handOver) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfNoTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Track(DbContext? context)
    {
        if (context is ServiceDbContext service)
        {
            // Tracked by reference: the ids are the database's, read back by the save. Rows of an earlier use of a
            // pooled context whose transaction was dropped unfinished are no longer tracked by it; they are forgotten.
            service.UncommittedOutboxMessages.RemoveAll(m => service.Entry(m).State == EntityState.Detached);
            service.UncommittedOutboxMessages.AddRange(service.ChangeTracker.Entries<OutboxMessage>()
                .Where(e => e.State == EntityState.Added)
                .Select(e => e.Entity));
        }
    }

    // A save outside any transaction (or in the one EF opened itself, already committed here) is durable now.
    private void SignalIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Signal(context);
        }
    }

    // The commit of the transaction EF opens for a save of its own comes before the save has read the new rows' ids
    // back into their entities; those rows are handed over when the save completes (SignalIfCommitted).
    private void Signal(DbContext? context)
    {
        if (context is not ServiceDbContext service)
        {
            return;
        }

        var ids = service.UncommittedOutboxMessages.Where(m => m.Id > 0).Select(m => m.Id).Distinct().ToList();
        handOver.Committed(ids);
        service.UncommittedOutboxMessages.RemoveAll(m => m.Id > 0);
    }

    private static void ForgetIfNoTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is ServiceDbContext service)
        {
            service.UncommittedOutboxMessages.Clear();
        }
    }
}
