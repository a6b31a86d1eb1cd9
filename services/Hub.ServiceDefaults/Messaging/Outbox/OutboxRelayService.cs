using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Runs the relay: wakes as soon as this process commits outbox rows (<see cref="OutboxCommitInterceptor"/>), and
/// polls as a fallback for rows committed by other processes, retried rows and anything else that comes due.
/// <see cref="OutboxRelayOptions.ConcurrentBatches"/> loops share the wake-ups, so a commit that arrives while a
/// batch waits for the broker's confirmations is published by an idle loop at once instead of after that batch.
/// </summary>
internal sealed partial class OutboxRelayService(
    OutboxRelay relay,
    OutboxWakeUp wakeUp,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelayService> logger) : BackgroundService
{
    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromSeconds(15);
    private readonly OutboxRelayOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([
            .. Enumerable.Range(0, Math.Max(1, _options.ConcurrentBatches)).Select(_ => RelayAsync(stoppingToken)),
            MaintainAsync(stoppingToken),
        ]);

    private async Task RelayAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path, and each loop on its own.
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                OutboxBatchResult result;
                do
                {
                    result = await relay.RelayBatchAsync(stoppingToken);
                }
                while (result.Claimed == _options.BatchSize && result.Failed == 0);

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogRelayFailed(ex, failures);
                await Sleep(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
                continue;
            }

            await Sleep(_options.PollInterval, stoppingToken, wakeOnCommit: true);
        }
    }

    private async Task MaintainAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await relay.MaintainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogMaintenanceFailed(ex);
            }

            await Sleep(MaintenanceInterval, stoppingToken);
        }
    }

    private async Task Sleep(TimeSpan interval, CancellationToken stoppingToken, bool wakeOnCommit = false)
    {
        try
        {
            if (wakeOnCommit)
            {
                await wakeUp.WaitAsync(interval, stoppingToken);
            }
            else
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the relay.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay failed ({Failures} in a row); backing off")]
    private partial void LogRelayFailed(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox maintenance (backlog gauges, retention) failed; trying again later")]
    private partial void LogMaintenanceFailed(Exception exception);
}
