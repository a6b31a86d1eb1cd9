using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Runs the relay: wakes on the commit notification the outbox trigger raises (LISTEN/NOTIFY), and polls as a
/// fallback so nothing waits longer than the poll interval if a notification is missed.
/// </summary>
internal sealed partial class OutboxRelayService(
    OutboxRelay relay,
    IServiceScopeFactory scopes,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelayService> logger) : BackgroundService
{
    private static readonly TimeSpan MaintenanceInterval = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly OutboxRelayOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = ListenAsync(stoppingToken);
        var failures = 0;
        var lastMaintenance = DateTimeOffset.MinValue;
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

                if (clock.GetUtcNow() - lastMaintenance > MaintenanceInterval)
                {
                    await relay.MaintainAsync(stoppingToken);
                    lastMaintenance = clock.GetUtcNow();
                }

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

        await listener;
    }

    private async Task Sleep(TimeSpan interval, CancellationToken stoppingToken, bool wakeOnCommit = false)
    {
        try
        {
            if (wakeOnCommit)
            {
                await _wake.WaitAsync(interval, stoppingToken);
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

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up drains everything committed so far.
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<ServiceDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("The service database has no connection string.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxNotification.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while no one was listening is picked up by this scan.
                Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(ex);
                await Sleep(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay failed ({Failures} in a row); backing off")]
    private partial void LogRelayFailed(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox commit notifications unavailable; polling until the listener reconnects")]
    private partial void LogListenFailed(Exception exception);
}
