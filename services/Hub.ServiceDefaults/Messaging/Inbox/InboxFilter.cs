using System.Diagnostics;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// Makes every consumer idempotent and transactional: the message id is recorded in the inbox in the same
/// transaction as the consumer's changes and outgoing messages, so a redelivered message changes nothing.
/// </summary>
internal sealed partial class InboxFilter<T>(ServiceDbContext db, OutboxMetrics metrics, TimeProvider clock, ILogger<InboxFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(T).Name} message arrived without a message id; it cannot be deduplicated.");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];
        var cancellationToken = context.CancellationToken;
        var started = Stopwatch.GetTimestamp();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // A concurrent duplicate blocks on this row until the first delivery commits or rolls back.
            var now = clock.GetUtcNow().UtcDateTime;
            var recorded = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (recorded == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                metrics.Duplicate();
                LogDuplicate(messageId, typeof(T).Name, consumer);
                // Consumed, as far as the broker is concerned: a message no consumer took would be moved to the
                // endpoint's _skipped queue, where every duplicate of a working hub would pile up for good.
                await context.NotifyConsumed(context, Stopwatch.GetElapsedTime(started), "inbox (duplicate)");
                return;
            }

            await next.Send(context);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The next attempt starts from what is committed, not from this attempt's half-made changes.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped message {MessageId} ({MessageType}) at {Consumer}: already handled")]
    private partial void LogDuplicate(Guid messageId, string messageType, string consumer);
}
