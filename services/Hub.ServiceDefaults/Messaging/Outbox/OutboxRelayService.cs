using Hub.ServiceDefaults.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Runs the relay. One loop wakes as soon as this process commits outbox rows (<see cref="OutboxCommitInterceptor"/>)
/// and claims them by their ids (<see cref="CommittedOutbox"/>); while it waits for a batch's confirmations, and until
/// <see cref="OutboxRelayOptions.BatchInterval"/> has passed since that batch began, the rows committed meanwhile gather
/// into its next batch, so a steady stream goes out in a few batches rather than one per commit. Every
/// <see cref="OutboxRelayOptions.PollInterval"/> one loop also scans for due rows, the oldest first: rows committed by
/// other processes or before a restart, retried rows, ids the queue had no room for. Up to
/// <see cref="OutboxRelayOptions.ConcurrentBatches"/> − 1 helper loops join in, each claiming rows of its own
/// (<c>SKIP LOCKED</c>), when a batch comes back full (a backlog) and while a batch is still waiting for the broker after
/// <see cref="OutboxRelayOptions.StragglerAfter"/> (so one slow confirmation does not hold up what was committed since).
/// </summary>
internal sealed partial class OutboxRelayService(
    OutboxRelay relay,
    CommittedOutbox committed,
    OutboxWakeUp wakeUp,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelayService> logger) : BackgroundService
{
    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromSeconds(15);
    private readonly OutboxRelayOptions _options = options.Value;
    private readonly OutboxWakeUp _backlog = new();
    private long _nextScan = long.MinValue;
    private long _lastCommittedBatch;
    private volatile bool _scanBacklog;
    private int _failures;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([
            RelayAsync(wakeUp, stoppingToken),
            .. Enumerable.Range(1, Math.Max(0, _options.ConcurrentBatches - 1)).Select(_ => RelayAsync(_backlog, stoppingToken)),
            MaintainAsync(stoppingToken),
        ]);

    private async Task RelayAsync(OutboxWakeUp wakeUps, CancellationToken stoppingToken)
    {
        // Off the host's start-up path, and each loop on its own.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The loops back off together until the database or broker has answered again: a round with nothing
                // committed and no scan due asked neither, so it does not end an outage's run of failures.
                var asked = await RelayCommittedAsync(stoppingToken);
                if (ScanDue())
                {
                    await ScanAsync(stoppingToken);
                    asked = true;
                }

                if (asked)
                {
                    Interlocked.Exchange(ref _failures, 0);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                var failures = Interlocked.Increment(ref _failures);
                var backOff = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                if (DatabaseOutage.Is(ex))
                {
                    // The connection's own warning said why (CommandFailureLog); the stack adds nothing to an outage.
                    LogRelayWaitingForDatabase(failures, backOff, ex.GetBaseException().Message);
                }
                else
                {
                    LogRelayFailed(ex, failures);
                }

                // No loop scans before the back-off is over (each would otherwise fail its own scan at every poll).
                Interlocked.Exchange(ref _nextScan, clock.GetUtcNow().UtcTicks + backOff.Ticks);
                await Sleep(backOff, stoppingToken);
                continue;
            }

            await Sleep(_options.PollInterval, stoppingToken, wakeUps);
        }
    }

    // Whether it relayed any batch.
    private async Task<bool> RelayCommittedAsync(CancellationToken stoppingToken)
    {
        var relayed = false;
        for (var ids = await TakeCommittedAsync(stoppingToken); ids.Length > 0; ids = await TakeCommittedAsync(stoppingToken))
        {
            var result = await WatchAsync(relay.RelayCommittedAsync(ids, stoppingToken), full: ids.Length == _options.BatchSize);
            relayed = true;
            if (result.Failed > 0)
            {
                // Rescheduled with a backoff; the scans pick them up when they come due.
                break;
            }
        }

        return relayed;
    }

    // The committed ids for the next batch, once BatchInterval has passed since the last one began (unless a full batch
    // is waiting already): the commits of that time go together.
    private async Task<long[]> TakeCommittedAsync(CancellationToken stoppingToken)
    {
        var wait = _options.BatchInterval - clock.GetElapsedTime(_lastCommittedBatch);
        var waiting = committed.Count;
        if (wait > TimeSpan.Zero && waiting > 0 && waiting < _options.BatchSize)
        {
            await Task.Delay(wait, clock, stoppingToken);
        }

        _lastCommittedBatch = clock.GetTimestamp();
        return committed.Take(_options.BatchSize);
    }

    // Whether this loop should scan now: the interval is up (for whichever loop gets there first), the committed ids
    // overflowed their queue, or a scan is draining a backlog that the helpers share.
    private bool ScanDue()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextScan);
        var due = now >= next && Interlocked.CompareExchange(ref _nextScan, now + _options.PollInterval.Ticks, next) == next;
        return committed.TakeOverflow() || _scanBacklog || due;
    }

    private async Task ScanAsync(CancellationToken stoppingToken)
    {
        OutboxBatchResult result;
        do
        {
            result = await WatchAsync(relay.RelayBatchAsync(stoppingToken), full: false);
            _scanBacklog = result.Claimed == _options.BatchSize && result.Failed == 0;
            if (_scanBacklog)
            {
                _backlog.Signal();
            }
        }
        while (_scanBacklog);
    }

    // Calls in the helpers while the batch waits on the broker past StragglerAfter, and when it was full.
    private async Task<OutboxBatchResult> WatchAsync(Task<OutboxBatchResult> batch, bool full)
    {
        if (full)
        {
            _backlog.Signal();
        }

        OutboxBatchResult result;
        while (true)
        {
            try
            {
                // The timer stops as soon as the batch ends; only a batch still waiting after StragglerAfter throws.
                result = await batch.WaitAsync(_options.StragglerAfter, clock, CancellationToken.None);
                break;
            }
            catch (TimeoutException)
            {
                _backlog.Signal();
            }
        }

        return result;
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

    private async Task Sleep(TimeSpan interval, CancellationToken stoppingToken, OutboxWakeUp? wakeUps = null)
    {
        try
        {
            if (wakeUps is not null)
            {
                await wakeUps.WaitAsync(interval, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed ({Failures} in a row): the database does not answer ({Reason}); trying again in {BackOff}")]
    private partial void LogRelayWaitingForDatabase(int failures, TimeSpan backOff, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox maintenance (backlog gauges, retention) failed; trying again later")]
    private partial void LogMaintenanceFailed(Exception exception);
}
