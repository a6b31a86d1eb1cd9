using System.Threading.Channels;
using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Stock;

namespace Hub.Catalog.Stock;

/// <summary>
/// Writes concurrent reservations together. A request waits while a group is being written, and the next group takes
/// every request that waited: one transaction for all of them instead of one for each, a single round trip when they
/// all fit the stock (<see cref="StockLedger.ReserveAsync"/>). A lone request is written at once, alone; a busy
/// service writes larger groups, so PostgreSQL's work per reservation falls as the load rises. A group never holds the
/// same order twice (a repeat waits for the next group and finds the first outcome), and a group that fails is written
/// again one order at a time, so that no order fails for its neighbour's fault.
/// </summary>
internal sealed partial class ReservationBatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReservationBatcher> logger) : BackgroundService
{
    private const int MaxGroup = 64;

    // One writer: the requests that arrive while a group is written all go in the next, so the groups grow with the
    // load (two writers halved the groups and measured within a few per cent of one, either way, at 8 callers).
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Reserves the order's lines in full, or records its rejection; repeats return the first outcome.</summary>
    /// <exception cref="CatalogRuleException">The order was reserved before with other lines.</exception>
    public async Task<StockReservation> ReserveAsync(string orderId, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        var pending = new Pending(StockReservation.Reserved(orderId, lines, clock.GetUtcNow().UtcDateTime));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The catalog is shutting down.");
        }

        // A caller that gives up only stops waiting; the group writes the reservation anyway, and a repeat finds it.
        return await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var repeats = new List<Pending>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var group = new List<Pending>();
                var orders = new HashSet<string>(StringComparer.Ordinal);
                var waiting = repeats;
                repeats = [];
                foreach (var pending in waiting)
                {
                    (orders.Add(pending.Candidate.OrderId) ? group : repeats).Add(pending);
                }

                if (group.Count == 0 && !await _queue.Reader.WaitToReadAsync(stoppingToken))
                {
                    return;
                }

                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
                {
                    (orders.Add(pending.Candidate.OrderId) ? group : repeats).Add(pending);
                }

                await WriteGroupAsync(group, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _queue.Writer.TryComplete();
            foreach (var pending in repeats)
            {
                pending.Outcome.TrySetCanceled(stoppingToken);
            }

            while (_queue.Reader.TryRead(out var left))
            {
                left.Outcome.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteGroupAsync(List<Pending> group, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<StockLedger>();
            var outcomes = await ledger.ReserveAsync([.. group.Select(p => p.Candidate)], stoppingToken);
            for (var i = 0; i < group.Count; i++)
            {
                Complete(group[i], outcomes[i]);
            }
        }
        catch (Exception ex) when (group.Count > 1 && !stoppingToken.IsCancellationRequested)
        {
            LogGroupFailed(ex, group.Count);
            foreach (var pending in group)
            {
                await WriteGroupAsync([pending], stoppingToken);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in group)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    private static void Complete(Pending pending, ReservationOutcome outcome)
    {
        if (outcome.Repeat && !outcome.Reservation.IsFor(pending.Candidate.Lines))
        {
            pending.Outcome.TrySetException(new CatalogRuleException(
                $"Order {pending.Candidate.OrderId} already reserved other lines; an order id can only be reserved once."));
        }
        else
        {
            pending.Outcome.TrySetResult(outcome.Reservation);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} reservations failed; writing them one by one")]
    private partial void LogGroupFailed(Exception exception, int count);

    private sealed record Pending(StockReservation Candidate)
    {
        public TaskCompletionSource<StockReservation> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
