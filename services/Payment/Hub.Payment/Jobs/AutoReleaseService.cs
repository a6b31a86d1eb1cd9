using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Domain;
using Microsoft.Extensions.Options;

namespace Hub.Payment.Jobs;

/// <summary>Releases escrows whose confirmation period ran out (the buyer neither confirmed nor disputed).</summary>
internal sealed partial class AutoReleaseService(IServiceScopeFactory scopes, IOptions<AutoReleaseOptions> options, TimeProvider clock, ILogger<AutoReleaseService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await ReleaseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReleaseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<EscrowDesk>();
        foreach (var order in await desk.DueForReleaseAsync(options.Value.BatchSize, cancellationToken))
        {
            try
            {
                var outcome = await desk.ReleaseAsync(OrderId.Parse(order), automatic: true, cancellationToken);
                if (outcome.Held)
                {
                    LogPayeeHeld(logger, order);
                }
                else
                {
                    LogReleased(logger, order);
                }
            }
            catch (PaymentException ex)
            {
                LogNotReleased(logger, order, ex.Message);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One escrow that cannot be released must not hold back the others due after it.
                LogReleaseFailed(logger, order, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escrow of order {Order} released automatically")]
    private static partial void LogReleased(ILogger logger, string order);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escrow of order {Order} is due, and its payee matched the denied-party list: held for the operators' review")]
    private static partial void LogPayeeHeld(ILogger logger, string order);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escrow of order {Order} is due but was not released: {Reason}")]
    private static partial void LogNotReleased(ILogger logger, string order, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escrow of order {Order} is due but its release failed; the sweep goes on with the others")]
    private static partial void LogReleaseFailed(ILogger logger, string order, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The auto-release sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
