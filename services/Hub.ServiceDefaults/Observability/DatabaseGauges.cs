using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Observability;

/// <summary>
/// The base of a service's gauges over figures it reads from its own database. <see cref="Current"/> answers at once
/// with the last reading and starts one new read (<see cref="ReadAsync"/>) in the background when that reading is
/// older than <c>Metrics:GaugeRefresh</c> (15 s by default): a scrape never waits for the database, and the database
/// sees at most one such query per interval. A failed read is logged and keeps the last figures. Registered as a hosted
/// service, so its instruments exist from start-up, where it reads once so that the first scrape already has figures.
/// </summary>
/// <typeparam name="TContext">The service's database.</typeparam>
/// <typeparam name="T">What one read returns.</typeparam>
public abstract partial class DatabaseGauges<TContext, T> : IHostedService
    where TContext : DbContext
    where T : class
{
    private readonly IServiceScopeFactory _scopes;
    private readonly long _refreshMs;
    private readonly ILogger _logger;
    private T _last;
    private long _readAt = long.MinValue / 2;
    private int _reading;

    /// <param name="scopes">Where a fresh <typeparamref name="TContext"/> comes from for each read.</param>
    /// <param name="configuration">Gives <c>Metrics:GaugeRefresh</c>.</param>
    /// <param name="logger">The metrics class's logger.</param>
    /// <param name="empty">The figures before the first read completes.</param>
    protected DatabaseGauges(IServiceScopeFactory scopes, IConfiguration configuration, ILogger logger, T empty)
    {
        _scopes = scopes;
        _refreshMs = (long)configuration.GetValue("Metrics:GaugeRefresh", TimeSpan.FromSeconds(15)).TotalMilliseconds;
        _logger = logger;
        _last = empty;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One read: typically a single grouped query.</summary>
    protected abstract Task<T> ReadAsync(TContext db);

    /// <summary>The last figures read; starts a new read in the background when they are older than the refresh interval.</summary>
    protected T Current()
    {
        // A monotonic clock: the interval is about load on the database, not about business time.
        if (Environment.TickCount64 - Interlocked.Read(ref _readAt) >= _refreshMs && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = Task.Run(RefreshAsync);
        }

        return Volatile.Read(ref _last);
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            Volatile.Write(ref _last, await ReadAsync(scope.ServiceProvider.GetRequiredService<TContext>()));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            LogReadFailed(_logger, typeof(TContext).Name, ex.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _readAt, Environment.TickCount64);
            Volatile.Write(ref _reading, 0);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Metrics could not be read from {Database}: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string database, string reason);
}
