using System.Globalization;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Moves committed outbox rows to their transport. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> inside a
/// transaction that also marks them sent, so several relays can run at once and none publishes a row another holds;
/// a relay that dies before its commit leaves the rows unmarked and they are delivered again (at least once).
/// </summary>
public sealed partial class OutboxRelay(
    IServiceScopeFactory scopes,
    IOutboxDispatcher dispatcher,
    OutboxMetrics metrics,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    private readonly OutboxRelayOptions _options = options.Value;

    /// <summary>Delivers one batch of due messages, the oldest first, found by scanning for them.</summary>
    /// <returns>How many rows the batch claimed and how many of them failed and were rescheduled.</returns>
    public Task<OutboxBatchResult> RelayBatchAsync(CancellationToken cancellationToken) =>
        RelayAsync(now => [new NpgsqlBatchCommand($"""
            SELECT {OutboxMessage.Columns} FROM outbox_messages
            WHERE sent_at IS NULL AND available_at <= @now
            ORDER BY available_at, id
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """) { Parameters = { new("now", now), new("limit", _options.BatchSize) } }], cancellationToken);

    /// <summary>
    /// Delivers the given rows (ids this process committed, see <see cref="CommittedOutbox"/>) that are still due and
    /// not held by another batch, found by primary key. Whether a row is still pending and due is checked on the rows
    /// found, not in the query: that condition is the predicate of the pending-rows index, and a planner whose
    /// statistics predate the rows (a young table) would walk that index, dead entries and all, instead of the key.
    /// </summary>
    public Task<OutboxBatchResult> RelayCommittedAsync(long[] ids, CancellationToken cancellationToken) =>
        RelayAsync(_ => [.. BatchTransaction.PlanKeyLookupsOnce(), new NpgsqlBatchCommand($"""
            SELECT {OutboxMessage.Columns} FROM outbox_messages
            WHERE id = ANY(@ids)
            ORDER BY id
            FOR UPDATE SKIP LOCKED
            """) { Parameters = { new("ids", ids) } }], cancellationToken);

    /// <summary>
    /// One batch in one transaction of two round trips (<see cref="BatchTransaction"/>): the claim, and after the
    /// broker's confirmations the marks with the commit.
    /// </summary>
    private async Task<OutboxBatchResult> RelayAsync(Func<DateTime, IEnumerable<NpgsqlBatchCommand>> claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = (await ClaimAsync(connection, claim(now), cancellationToken))
                .Where(m => m.SentAt is null && m.AvailableAt <= now)
                .ToList();
            if (batch.Count == 0)
            {
                await MarkAsync(connection, [], cancellationToken);
                return new OutboxBatchResult(0, 0);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.DispatchTimeout);
            var outcomes = await Task.WhenAll(batch.Select(m => DispatchAsync(m, timeout.Token)));
            cancellationToken.ThrowIfCancellationRequested();

            var confirmedAt = clock.GetUtcNow().UtcDateTime;
            var sent = outcomes.Where(o => o.Error is null).Select(o => o.Message.Id).ToArray();
            List<NpgsqlBatchCommand> marks = [];
            if (sent.Length > 0)
            {
                marks.Add(new NpgsqlBatchCommand("UPDATE outbox_messages SET sent_at = @at, attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids)")
                {
                    Parameters = { new("at", confirmedAt), new("ids", sent) },
                });
            }

            foreach (var (message, error) in outcomes.Where(o => o.Error is not null))
            {
                marks.Add(new NpgsqlBatchCommand("UPDATE outbox_messages SET attempts = attempts + 1, available_at = @at, last_error = @error WHERE id = @id")
                {
                    Parameters = { new("at", confirmedAt + Backoff(message.Attempts + 1)), new("error", error!), new("id", message.Id) },
                });
            }

            await MarkAsync(connection, marks, cancellationToken);

            foreach (var (message, error) in outcomes)
            {
                if (error is null)
                {
                    metrics.Published(confirmedAt - message.AvailableAt);
                }
                else
                {
                    metrics.Failed();
                    LogMessageFailed(message.MessageId, message.MessageType, message.Attempts + 1, error);
                }
            }

            // One warning per cause: while the broker is away every message of the batch fails for the same reason.
            foreach (var failed in outcomes.Where(o => o.Error is not null).GroupBy(o => o.Error!, StringComparer.Ordinal))
            {
                var first = failed.First().Message;
                LogBatchFailed(failed.Count(), batch.Count, failed.Max(o => o.Message.Attempts) + 1, first.MessageId, first.MessageType, failed.Key);
            }

            return new OutboxBatchResult(batch.Count, batch.Count - sent.Length);
        }
        catch
        {
            await BatchTransaction.AbandonAsync(connection);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<OutboxMessage>> ClaimAsync(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> claim, CancellationToken cancellationToken)
    {
        await using var command = BatchTransaction.Batch(connection, [BatchTransaction.Begin(), .. claim]);
        var rows = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(OutboxMessage.Read(reader));
        }

        return rows;
    }

    /// <summary>
    /// Records what the broker confirmed and what failed, and commits. Losing this commit in a crash only means the
    /// rows are sent again, which consumers' inboxes absorb; not waiting for its WAL flush takes a disk sync off every
    /// batch. The setting rides in the same round trip.
    /// </summary>
    private static async Task MarkAsync(NpgsqlConnection connection, List<NpgsqlBatchCommand> marks, CancellationToken cancellationToken)
    {
        await using var command = BatchTransaction.Batch(connection, [new("SET LOCAL synchronous_commit = off"), .. marks, BatchTransaction.Commit()]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Refreshes the backlog gauges and removes delivered and handled records past retention.</summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var unsent = db.OutboxMessages.Where(m => m.SentAt == null);
        var pending = await unsent.LongCountAsync(cancellationToken);
        var oldest = await unsent.MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        metrics.Backlog(pending, oldest is null ? TimeSpan.Zero : now - oldest.Value);

        var cutoff = now - _options.Retention;
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.HandledAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<(OutboxMessage Message, string? Error)> DispatchAsync(OutboxMessage message, CancellationToken deadline)
    {
        try
        {
            await dispatcher.DispatchAsync(message, deadline);
            return (message, null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The batch's dispatch timeout (a stopping host's cancellation is thrown again once the batch has ended).
            return (message, string.Create(CultureInfo.InvariantCulture,
                $"No confirmation from the broker within {_options.DispatchTimeout.TotalSeconds:0.#} s: not connected, or not confirming."));
        }
        catch (Exception ex)
        {
            return (message, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = TimeSpan.FromMilliseconds(100 * Math.Pow(2, Math.Min(attempt, 16)));
        var capped = exponential < _options.MaxBackoff ? exponential : _options.MaxBackoff;
        return capped * (0.75 + (Random.Shared.NextDouble() * 0.5));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {MessageId} ({MessageType}) failed attempt {Attempt}: {Error}")]
    private partial void LogMessageFailed(Guid messageId, string messageType, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Failed} of {Claimed} outbox messages failed, tried again later (attempt {Attempt} at most; the first {MessageId}, {MessageType}): {Error}")]
    private partial void LogBatchFailed(int failed, int claimed, int attempt, Guid messageId, string messageType, string error);
}
