using System.Data.Common;
using System.Diagnostics.Metrics;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Observability;

/// <summary>
/// Balances read from the ledger: <c>hub.escrow.balance{currency}</c>, the funds held in every order's escrow, and
/// <c>hub.fx.position{currency}</c>, the hub's FX exposure (its position per currency from conversions at locked rates:
/// positive long, negative short). Both in major units. One grouped query, at most every <c>Metrics:GaugeRefresh</c>
/// (15 s by default), serves every scrape in between; a scrape never waits for the database.
/// </summary>
internal sealed partial class PaymentMetrics : IHostedService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _refresh;
    private readonly ILogger<PaymentMetrics> _logger;
    private IReadOnlyList<Balance> _balances = [];
    private long _readAt = long.MinValue / 2;
    private int _reading;

    public PaymentMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PaymentMetrics> logger)
    {
        _scopes = scopes;
        _refresh = configuration.GetValue("Metrics:GaugeRefresh", TimeSpan.FromSeconds(15));
        _logger = logger;
        metrics.Meter.CreateObservableGauge("hub.escrow.balance", () => Observe(AccountKind.Escrow), description: "Funds held in escrow, by currency (major units).");
        metrics.Meter.CreateObservableGauge("hub.fx.position", () => Observe(AccountKind.FxPosition),
            description: "The hub's FX exposure: its position per currency from conversions (major units; positive long, negative short).");
    }

    /// <summary>Reads once at start-up, so the first scrape already has figures.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<double>> Observe(AccountKind kind) =>
        Current().Where(b => b.Kind == kind)
            .Select(b => new Measurement<double>((double)b.Amount, new KeyValuePair<string, object?>("currency", b.Currency)));

    /// <summary>The last balances read; starts a new read in the background when they are older than the refresh interval.</summary>
    private IReadOnlyList<Balance> Current()
    {
        // A monotonic clock: the interval is about load on the database, not about business time.
        if (Environment.TickCount64 - Interlocked.Read(ref _readAt) >= (long)_refresh.TotalMilliseconds && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = Task.Run(ReadAsync);
        }

        return Volatile.Read(ref _balances);
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
            var sums = await (
                from line in db.PostingLines.AsNoTracking()
                join account in db.Accounts.AsNoTracking() on line.AccountId equals account.Id
                where account.Kind == AccountKind.Escrow || account.Kind == AccountKind.FxPosition
                group line by new { account.Kind, account.Currency } into g
                select new { g.Key.Kind, g.Key.Currency, NetDebits = g.Sum(l => l.Amount) }).ToListAsync();

            // Both kinds are credit-normal: the balance is credits − debits.
            Volatile.Write(ref _balances, sums.Select(s => new Balance(s.Kind, s.Currency, -s.NetDebits)).ToList());
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

    [LoggerMessage(LogLevel.Warning, "Payment metrics could not be read from the ledger: {Reason}")]
    private partial void LogReadFailed(string reason);

    private sealed record Balance(AccountKind Kind, string Currency, decimal Amount);
}
