using System.Data.Common;
using System.Diagnostics.Metrics;
using Hub.ServiceDefaults.Observability;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Observability;

/// <summary>
/// The refund backlog read from the tax-refund database: <c>hub.refund.claims{state}</c>, claims in each state now
/// (Open, Ready and Filed wait for evidence or a decision, Approved waits for the payout). One grouped query, at most
/// every <c>Metrics:GaugeRefresh</c> (15 s by default), serves every scrape in between; a scrape never waits for the
/// database.
/// </summary>
internal sealed partial class TaxRefundMetrics : IHostedService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _refresh;
    private readonly ILogger<TaxRefundMetrics> _logger;
    private IReadOnlyDictionary<ClaimState, long> _byState = new Dictionary<ClaimState, long>();
    private long _readAt = long.MinValue / 2;
    private int _reading;

    public TaxRefundMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TaxRefundMetrics> logger)
    {
        _scopes = scopes;
        _refresh = configuration.GetValue("Metrics:GaugeRefresh", TimeSpan.FromSeconds(15));
        _logger = logger;
        metrics.Meter.CreateObservableGauge("hub.refund.claims",
            () => Current().Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key.ToString()))),
            "{claim}", "Refund claims in each state now.");
    }

    /// <summary>Reads once at start-up, so the first scrape already has figures.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The last figures read; starts a new read in the background when they are older than the refresh interval.</summary>
    private IReadOnlyDictionary<ClaimState, long> Current()
    {
        // A monotonic clock: the interval is about load on the database, not about business time.
        if (Environment.TickCount64 - Interlocked.Read(ref _readAt) >= (long)_refresh.TotalMilliseconds && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = Task.Run(ReadAsync);
        }

        return Volatile.Read(ref _byState);
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TaxRefundDbContext>();
            var counts = await db.Claims.AsNoTracking().GroupBy(c => c.State).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync();
            Volatile.Write(ref _byState, counts.ToDictionary(c => c.Status, c => c.Count));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            LogReadFailed(ex.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _readAt, Environment.TickCount64);
            Volatile.Write(ref _reading, 0);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Tax refund metrics could not be read from the database: {Reason}")]
    private partial void LogReadFailed(string reason);
}
