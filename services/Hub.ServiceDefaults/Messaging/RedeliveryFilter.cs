using System.Diagnostics;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// Delayed redelivery after the immediate retries are spent. The broker has no delayed-message plugin, so the
/// message goes back into this service's outbox, due later, addressed to the same queue; the original is
/// acknowledged only after that row commits, so a crash cannot lose it. When the redeliveries are spent too,
/// the exception propagates and MassTransit moves the message to the endpoint's <c>_error</c> queue.
/// </summary>
internal sealed partial class RedeliveryFilter<T>(
    ServiceDbContext db,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<RedeliveryFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (context.GetRedeliveryCount() < options.Value.Redelivery.Length && context.MessageId is not null)
        {
            var redelivery = context.GetRedeliveryCount() + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var queue = context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];

            db.ChangeTracker.Clear();
            db.OutboxMessages.Add(OutboxMessage.Create(
                context.MessageId.Value,
                MessageSerialization.TypeName(typeof(T)),
                MessageSerialization.Serialize(context.Message, typeof(T)),
                $"queue:{queue}",
                Activity.Current?.Id,
                now,
                now + options.Value.Redelivery[redelivery - 1],
                redelivery));
            await db.SaveChangesAsync(context.CancellationToken);
            LogRedelivery(ex, context.MessageId.Value, typeof(T).Name, queue, redelivery, options.Value.Redelivery[redelivery - 1]);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("delayed-redelivery");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({MessageType}) failed at {Queue}; redelivery {Redelivery} in {Delay}")]
    private partial void LogRedelivery(Exception exception, Guid messageId, string messageType, string queue, int redelivery, TimeSpan delay);
}
