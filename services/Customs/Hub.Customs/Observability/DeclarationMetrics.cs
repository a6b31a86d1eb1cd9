using System.Data.Common;
using System.Diagnostics.Metrics;
using Hub.Customs.Data;
using Hub.Customs.Domain.Declarations;
using Hub.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Observability;

/// <summary>
/// Declarations read from the customs database: <c>hub.customs.declarations.current{type,status}</c> (a gauge: held
/// now is the operators' queue) and <c>hub.customs.declarations.lodged{type}</c> (an observable counter; declarations are
/// never deleted). The hold rate is the rate of <c>hub.customs.declarations{status="Held"}</c> over the rate of lodged
/// declarations. One grouped query, at most every <c>Metrics:GaugeRefresh</c> (15 s by default), serves every scrape in
/// between; a scrape never waits for the database.
/// </summary>
internal sealed partial class DeclarationMetrics : IHostedService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _refresh;
    private readonly ILogger<DeclarationMetrics> _logger;
    private IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long> _byState = new Dictionary<(DeclarationType, DeclarationStatus), long>();
    private long _readAt = long.MinValue / 2;
    private int _reading;

    public DeclarationMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeclarationMetrics> logger)
    {
        _scopes = scopes;
        _refresh = configuration.GetValue("Metrics:GaugeRefresh", TimeSpan.FromSeconds(15));
        _logger = logger;
        metrics.Meter.CreateObservableGauge("hub.customs.declarations.current",
            () => Current().Select(d => new Measurement<long>(d.Value,
                new KeyValuePair<string, object?>("type", d.Key.Type.ToString()), new KeyValuePair<string, object?>("status", d.Key.Status.ToString()))),
            "{declaration}", "Declarations in each status now, by type.");
        metrics.Meter.CreateObservableCounter("hub.customs.declarations.lodged",
            () => Current().GroupBy(d => d.Key.Type).Select(g => new Measurement<long>(g.Sum(d => d.Value), new KeyValuePair<string, object?>("type", g.Key.ToString()))),
            "{declaration}", "Declarations lodged since the hub began, by type.");
    }

    /// <summary>Reads once at start-up, so the first scrape already has figures.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The last figures read; starts a new read in the background when they are older than the refresh interval.</summary>
    private IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long> Current()
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
            var db = scope.ServiceProvider.GetRequiredService<CustomsDbContext>();
            var counts = await db.Declarations.AsNoTracking().GroupBy(d => new { d.Type, d.Status })
                .Select(g => new { g.Key.Type, g.Key.Status, Count = g.LongCount() }).ToListAsync();
            Volatile.Write(ref _byState, counts.ToDictionary(c => (c.Type, c.Status), c => c.Count));
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

    [LoggerMessage(LogLevel.Warning, "Declaration metrics could not be read from the database: {Reason}")]
    private partial void LogReadFailed(string reason);
}
