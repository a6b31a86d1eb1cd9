using Hub.Logistics.Data;
using Hub.Logistics.Domain.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Logistics.Pools;

/// <summary>Closes pools whose cut-off has passed, and plans pools left closing (e.g. full pools whose planning failed).</summary>
internal sealed class PoolCutOffService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<PoolOptions> options, ILogger<PoolCutOffService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogisticsLog.PoolCloseFailed(logger, ex, Guid.Empty);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task CloseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LogisticsDbContext>();
            due = await db.Pools
                .Where(p => p.Status == PoolStatus.Closing || (p.Status == PoolStatus.Open && p.CutOffAt <= now))
                .OrderBy(p => p.CutOffAt)
                .Select(p => p.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<PoolCloser>().CloseAsync(id, Pool.CutOffReason, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogisticsLog.PoolCloseFailed(logger, ex, id);
            }
        }
    }
}
