using System.Diagnostics;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// Immediate retries with exponential backoff, then delayed redelivery, then the error queue. The broker has no
/// delayed-message plugin, so a redelivery goes back into this service's outbox, due later, addressed to the same
/// queue; the original is acknowledged only after that row commits, so a crash cannot lose it. When the
/// redeliveries are spent too, the exception propagates and MassTransit moves the message to the endpoint's
/// <c>_error</c> queue. (MassTransit's own retry filter would wrap this one, so the retries live here.) A partner
/// hub's copy is redelivered as that hub's copy: the row keeps its <c>Hub-Source</c>.
/// </summary>
internal sealed partial class RetryFilter<T>(
    ServiceDbContext db,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<RetryFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await SendWithRetriesAsync(context, next);
        }
        catch (Exception ex) when (context.GetRedeliveryCount() < options.Value.Redelivery.Length && context.MessageId is not null)
        {
            var redelivery = context.GetRedeliveryCount() + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var queue = OwnQueue.NameOf(context);

            db.ChangeTracker.Clear();
            db.OutboxMessages.Add(OutboxMessage.Create(
                context.MessageId.Value,
                MessageSerialization.TypeName(typeof(T)),
                MessageSerialization.Serialize(context.Message, typeof(T)),
                $"queue:{queue}",
                Activity.Current?.Id,
                now,
                now + options.Value.Redelivery[redelivery - 1],
                redelivery,
                FederatedMessage.SourceHubOf(context)));
            await db.SaveChangesAsync(context.CancellationToken);
            LogRedelivery(ex, context.MessageId.Value, typeof(T).Name, queue, redelivery, options.Value.Redelivery[redelivery - 1]);
        }
    }

    private async Task SendWithRetriesAsync(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var settings = options.Value;
        var interval = settings.RetryMinInterval;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await next.Send(context);
                return;
            }
            catch (Exception ex) when (attempt < settings.RetryLimit && !context.CancellationToken.IsCancellationRequested)
            {
                LogRetry(ex, typeof(T).Name, attempt + 1, interval);
            }

            await Task.Delay(interval, clock, context.CancellationToken);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, settings.RetryMaxInterval.Ticks));
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("retry-redelivery");

    [LoggerMessage(Level = LogLevel.Debug, Message = "{MessageType} failed; retry {Retry} in {Delay}")]
    private partial void LogRetry(Exception exception, string messageType, int retry, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({MessageType}) failed at {Queue}; redelivery {Redelivery} in {Delay}")]
    private partial void LogRedelivery(Exception exception, Guid messageId, string messageType, string queue, int redelivery, TimeSpan delay);
}
