using Hub.Payment.Application;
using Microsoft.Extensions.Options;

namespace Hub.Payment.Jobs;

/// <summary>How often the ledger's checkpoint is taken (<c>Payment:LedgerCheckpoint</c>).</summary>
internal sealed record LedgerCheckpointOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public bool Enabled { get; init; } = true;
}

/// <summary>Takes the ledger's checkpoint (<see cref="LedgerCheckpointer"/>) at every interval.</summary>
internal sealed partial class LedgerCheckpointService(
    IServiceScopeFactory scopes, IOptions<LedgerCheckpointOptions> options, TimeProvider clock, ILogger<LedgerCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerCheckpointer>().TakeAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger checkpoint failed; balances read more lines until the next one")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
