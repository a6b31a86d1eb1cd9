using Grpc.Core;
using Hub.Order.Data;
using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Order.Application;

/// <summary>
/// Enforces each step's timeout (<c>Order:Timeouts</c>): an order still waiting past its step's due time fails and is
/// compensated with the reason recorded, except a delivered order, whose receipt is then confirmed automatically, and
/// one whose receipt was confirmed, whose release payment made then completes it (its event did not come). It
/// also gives back the stock of placements that never saved their order (<c>Order:AbandonedReservationGrace</c> after
/// they asked for it, or once their process has been silent for <c>Order:InstanceSilence</c>), lodges the export
/// declarations of paid orders that did not go through in their message's redeliveries
/// (<c>Order:ExportDeclarationRetry</c>), and removes checkouts that expired longer ago than
/// <c>Order:ExpiredCheckoutRetention</c>.
/// </summary>
internal sealed class OrderSweeper(IServiceScopeFactory scopes, IOptionsMonitor<OrderOptions> options, TimeProvider clock, ILogger<OrderSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await RetryExportDeclarationsAsync(stoppingToken);
                await ReleaseAbandonedReservationsAsync(stoppingToken);
                await RemoveExpiredCheckoutsAsync(stoppingToken);
                await Task.Delay(options.CurrentValue.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                OrderLog.SweepFailed(logger, ex, "(batch)");
                await Task.Delay(options.CurrentValue.SweepInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Handles one batch of overdue orders; returns how many it changed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        List<string> overdue;
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
            overdue = await db.Orders.Where(o => o.DueBy != null && o.DueBy <= now).OrderBy(o => o.DueBy)
                .Select(o => o.Id).Take(options.CurrentValue.SweepBatch).ToListAsync(cancellationToken);
        }

        var changed = 0;
        foreach (var id in overdue)
        {
            try
            {
                changed += await SweepOneAsync(id, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is DbUpdateException or RpcException or OrderRuleException)
            {
                // Another writer moved the order, or a compensation could not run: tried again after the retry delay,
                // behind the orders that came due meanwhile.
                OrderLog.SweepFailed(logger, ex, id);
                await PostponeAsync(id, now, cancellationToken);
            }
        }

        return changed;
    }

    private async Task PostponeAsync(string id, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
        var retryAt = now + options.CurrentValue.SweepRetryDelay;
        await db.Orders.Where(o => o.Id == id && o.DueBy != null && o.DueBy <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DueBy, retryAt), cancellationToken);
    }

    /// <summary>
    /// Lodges the export declarations of one batch of paid orders whose declaration is due to be tried again (the
    /// supplier's hub did not answer it); returns how many were lodged. One that still does not go through is tried
    /// again after <c>Order:ExportDeclarationRetry</c>.
    /// </summary>
    public async Task<int> RetryExportDeclarationsAsync(CancellationToken cancellationToken)
    {
        List<string> due;
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
            due = await db.Orders.Where(o => o.ExportRetryAt != null && o.ExportRetryAt <= now && o.Status == OrderStatus.PaymentSecured)
                .OrderBy(o => o.ExportRetryAt).Select(o => o.Id).Take(options.CurrentValue.SweepBatch).ToListAsync(cancellationToken);
        }

        var lodged = 0;
        foreach (var id in due)
        {
            try
            {
                lodged += await RetryExportDeclarationAsync(id, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is DbUpdateException or RpcException)
            {
                OrderLog.ExportRetryFailed(logger, ex, id);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
                var retryAt = now + options.CurrentValue.ExportDeclarationRetry;
                await db.Orders.Where(o => o.Id == id && o.ExportRetryAt != null && o.ExportRetryAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExportRetryAt, retryAt), cancellationToken);
            }
        }

        return lodged;
    }

    private Task<bool> RetryExportDeclarationAsync(string id, DateTime now, CancellationToken cancellationToken) =>
        ChangeLockedAsync(id, async (order, process) =>
        {
            if (order.Status != OrderStatus.PaymentSecured || order.ExportRetryAt is not { } retryAt || retryAt > now)
            {
                return false;
            }

            if (order.Timeline.Any(t => t.Step == OrderProcess.ExportDeclaredStep))
            {
                // Lodged meanwhile by its message: nothing is left to try.
                order.RetryExportAt(null);
                return false;
            }

            await process.DeclareExportAsync(order, $"export declaration retried, due {retryAt:O}", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Releases one batch of reservations whose placement never saved its order; returns how many.</summary>
    public async Task<int> ReleaseAbandonedReservationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<OrderPlacementDesk>();
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        return await desk.ReleaseAbandonedAsync(now - settings.AbandonedReservationGrace, now - settings.InstanceSilence, settings.SweepBatch, cancellationToken);
    }

    /// <summary>Removes the checkouts past their retention, a thousand at a time; returns how many.</summary>
    public async Task<int> RemoveExpiredCheckoutsAsync(CancellationToken cancellationToken)
    {
        const int batch = 1000;
        await using var scope = scopes.CreateAsyncScope();
        var checkouts = scope.ServiceProvider.GetRequiredService<CheckoutBook>();
        var removed = 0;
        int last;
        do
        {
            last = await checkouts.RemoveExpiredAsync(batch, cancellationToken);
            removed += last;
        }
        while (last == batch);

        return removed;
    }

    private Task<bool> SweepOneAsync(string id, CancellationToken cancellationToken) =>
        ChangeLockedAsync(id, async (order, process) =>
        {
            if (order.DueBy is not { } due || due > process.Now || order.IsTerminal)
            {
                return false;
            }

            var cause = $"timeout of {order.Status} due {due:O}";
            if (order.Status == OrderStatus.Delivered)
            {
                await process.ConfirmReceiptAsync(order, automatic: true, cause, cancellationToken);
            }
            else if (order.Status == OrderStatus.ReceiptConfirmed)
            {
                await process.CompleteReleasedAsync(order, cause, cancellationToken);
            }
            else
            {
                await process.FailAsync(order, $"timed out waiting in {order.Status} (due {due:O})", cause, cancellationToken);
            }

            return true;
        }, cancellationToken);

    // Reads the order under its row lock, in a transaction of its own, and saves what the change did to it; returns
    // what the change says (whether it took the step it is for).
    private async Task<bool> ChangeLockedAsync(string id, Func<TradeOrder, OrderProcess, Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
        var process = scope.ServiceProvider.GetRequiredService<OrderProcess>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockOrderAsync(id, cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery().SingleAsync(o => o.Id == id, cancellationToken);
        var took = await change(order, process);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return took;
    }
}
