using Hub.Order.Data;
using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Order.Application;

/// <summary>This process, as the claims and pending reservations of its placements name it.</summary>
internal sealed class ThisInstance
{
    public Guid Id { get; } = Guid.CreateVersion7();
}

/// <summary>
/// Notes every <c>Order:InstanceBeat</c> that this process runs (<see cref="PlacementInstance"/>), and forgets the
/// processes unseen for a day (their claims are long past <c>Order:PlacementKeyGrace</c> by then).
/// </summary>
internal sealed class InstanceBeat(ThisInstance self, IServiceScopeFactory scopes, IOptionsMonitor<OrderOptions> options, TimeProvider clock, ILogger<InstanceBeat> logger)
    : BackgroundService
{
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(stoppingToken);
                await Task.Delay(options.CurrentValue.InstanceBeat, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Unseen meanwhile: after Order:InstanceSilence this process's claims may be taken over, which the
                // placements holding them survive (each finds its pending reservation gone and gives its stock back).
                OrderLog.InstanceBeatFailed(logger, ex, self.Id);
                await Task.Delay(options.CurrentValue.InstanceBeat, clock, stoppingToken);
            }
        }
    }

    /// <summary>Notes that this process runs now.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var forgotten = now - Forgotten;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO placement_instances (id, seen_at) VALUES ({self.Id}, {now}) ON CONFLICT (id) DO UPDATE SET seen_at = EXCLUDED.seen_at",
            cancellationToken);
        await db.PlacementInstances.Where(i => i.SeenAt < forgotten).ExecuteDeleteAsync(cancellationToken);
    }
}
