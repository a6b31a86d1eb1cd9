using System.Diagnostics;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using MassTransit.Context;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// Immediate retries with exponential backoff, then delayed redelivery, then the error queue. The broker has no
/// delayed-message plugin, so a redelivery goes back into this service's outbox, due later, addressed to the same
/// queue; the original is acknowledged only after that row commits, so a crash cannot lose it. A row the database
/// does not take because it does not answer is tried again, the message held meanwhile, for
/// <see cref="MessagingOptions.RedeliverySaveTimeout"/>: an outage of the database fails every attempt, and would
/// otherwise send each message that arrived during it to the error queue. When the
/// redeliveries are spent too, the exception propagates and MassTransit moves the message to the endpoint's
/// <c>_error</c> queue. (MassTransit's own retry filter would wrap this one, so the retries live here.) A partner
/// hub's copy is redelivered as that hub's copy: the row keeps its <c>Hub-Source</c>. An attempt that is retried
/// or redelivered reports no fault (see <see cref="AttemptConsumeContext{T}"/>); the last one, before the error
/// queue, does.
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
        var started = Stopwatch.GetTimestamp();
        var attempt = new AttemptConsumeContext<T>(context);
        try
        {
            try
            {
                await SendWithRetriesAsync(attempt, next);
            }
            catch (Exception ex) when (context.GetRedeliveryCount() < options.Value.Redelivery.Length && context.MessageId is not null)
            {
                await RedeliverLaterAsync(context, context.MessageId.Value, ex);
                // Taken care of, as far as the broker is concerned: a message neither consumed nor faulted would also
                // be moved to the endpoint's _skipped queue, a copy left there for good beside the redelivery.
                await context.NotifyConsumed(context, Stopwatch.GetElapsedTime(started), "retry-redelivery (kept for later)");
            }
        }
        catch
        {
            // Given up (or its redelivery could not be kept): the message goes to the error queue, and the last
            // attempt's fault is reported. A report that fails is logged; the consumer's exception is what propagates.
            try
            {
                await attempt.ReportFaultAsync();
            }
            catch (Exception reportFailure)
            {
                LogFaultNotReported(reportFailure, typeof(T).Name);
            }

            throw;
        }
    }

    private async Task RedeliverLaterAsync(ConsumeContext<T> context, Guid messageId, Exception exception)
    {
        var settings = options.Value;
        var redelivery = context.GetRedeliveryCount() + 1;
        var delay = settings.Redelivery[redelivery - 1];
        var queue = OwnQueue.NameOf(context);
        var started = clock.GetTimestamp();
        var wait = settings.RetryMinInterval;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.ChangeTracker.Clear();
            db.OutboxMessages.Add(OutboxMessage.Create(
                messageId,
                MessageSerialization.TypeName(typeof(T)),
                MessageSerialization.Serialize(context.Message, typeof(T)),
                OwnQueue.AddressOf(context).ToString(),
                Activity.Current?.Id,
                now,
                now + delay,
                redelivery,
                FederatedMessage.SourceHubOf(context)));
            try
            {
                await db.SaveChangesAsync(context.CancellationToken);
                break;
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex) && clock.GetElapsedTime(started) < settings.RedeliverySaveTimeout)
            {
                // Should the row have committed after all, the redelivery comes twice: once one copy is handled, the
                // inbox turns the other away.
                LogRedeliveryNotSaved(ex, messageId, typeof(T).Name, queue, wait);
            }

            await Task.Delay(wait, clock, context.CancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, settings.RetryMaxInterval.Ticks));
        }

        LogRedelivery(exception, messageId, typeof(T).Name, queue, redelivery, delay);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The fault of a given-up {MessageType} could not be reported")]
    private partial void LogFaultNotReported(Exception exception, string messageType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The redelivery of message {MessageId} ({MessageType}) at {Queue} could not be saved; the database is tried again in {Delay}")]
    private partial void LogRedeliveryNotSaved(Exception exception, Guid messageId, string messageType, string queue, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({MessageType}) failed at {Queue}; redelivery {Redelivery} in {Delay}")]
    private partial void LogRedelivery(Exception exception, Guid messageId, string messageType, string queue, int redelivery, TimeSpan delay);
}

/// <summary>
/// A message's attempts as its consumers see them. MassTransit reports a consumer's exception as a fault — an
/// R-FAULT logged at error, a <c>Fault&lt;T&gt;</c> published, the receive observers told — the moment it is thrown.
/// An attempt that <see cref="RetryFilter{T}"/> retries or redelivers has not failed the message, so its fault is
/// held here, replaced by the next attempt's, and reported only when the message is given up.
/// </summary>
internal sealed class AttemptConsumeContext<T>(ConsumeContext<T> context) : ConsumeContextProxy<T>(context)
    where T : class
{
    private Func<Task>? _fault;

    public override Task NotifyFaulted(TimeSpan duration, string consumerType, Exception exception) =>
        NotifyFaulted(this, duration, consumerType, exception);

    public override Task NotifyFaulted<TMessage>(ConsumeContext<TMessage> context, TimeSpan duration, string consumerType, Exception exception)
    {
        _fault = () => base.NotifyFaulted(context, duration, consumerType, exception);
        return Task.CompletedTask;
    }

    /// <summary>Reports the fault of the last attempt that failed, if one did.</summary>
    public Task ReportFaultAsync() => _fault?.Invoke() ?? Task.CompletedTask;
}
