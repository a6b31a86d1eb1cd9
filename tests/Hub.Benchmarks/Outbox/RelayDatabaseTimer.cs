using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// With <c>--profile</c>: times the relay's claim query, its mark-sent update and its commit. Only work started
/// inside <see cref="Measure"/> counts, so the consumer's inbox transactions running meanwhile do not.
/// </summary>
internal sealed class RelayDatabaseTimer : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<bool> Measuring = new();
    private readonly ConditionalWeakTable<object, StrongBox<long>> _started = [];
    private long _claim;
    private long _mark;
    private long _commit;

    public static void Measure() => Measuring.Value = true;

    /// <summary>Total time in the claim query, the mark-sent update and the commit since the last call.</summary>
    public (TimeSpan Claim, TimeSpan Mark, TimeSpan Commit) Take() =>
        (Ticks(ref _claim), Ticks(ref _mark), Ticks(ref _commit));

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(command, ref _claim, command.CommandText.Contains("FROM outbox_messages", StringComparison.Ordinal));
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command, ref _mark, command.CommandText.Contains("UPDATE outbox_messages SET sent_at", StringComparison.Ordinal));
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Start(transaction);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(transaction, ref _commit, true);
        return Task.CompletedTask;
    }

    // Keyed by the command or transaction: interceptor calls may run in different async contexts.
    private void Start(object operation)
    {
        if (Measuring.Value)
        {
            _started.AddOrUpdate(operation, new StrongBox<long>(Stopwatch.GetTimestamp()));
        }
    }

    private void Stop(object operation, ref long total, bool counts)
    {
        if (_started.TryGetValue(operation, out var started))
        {
            _started.Remove(operation);
            if (counts)
            {
                Interlocked.Add(ref total, Stopwatch.GetTimestamp() - started.Value);
            }
        }
    }

    private static TimeSpan Ticks(ref long total) => Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref total, 0));
}
