using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Protection;

/// <summary>Looks a name up: every address it resolves to.</summary>
internal delegate Task<IPAddress[]> ResolveName(string name, CancellationToken cancellationToken);

/// <summary>
/// How many replicas of this hub's gateway share its clients (<c>Gateway:RateLimit:Peers</c>: a name resolving to every
/// ready replica, as a headless Service's does, looked up again every <c>Gateway:AddressRefresh</c>). Each replica
/// takes its share of every client's rate limit, so that a client whose calls the load balancer spreads over the
/// replicas meets the limits as configured, however many run. One when no name is given, and until it first resolves;
/// a lookup that fails keeps the count it had.
/// </summary>
internal sealed partial class GatewayPeers(IOptionsMonitor<GatewayOptions> options, ResolveName resolve, ILogger<GatewayPeers> logger) : BackgroundService
{
    private int _count = 1;

    public int Count => Volatile.Read(ref _count);

    /// <summary>One replica's share of <paramref name="limit"/> among <paramref name="peers"/>: rounded up, at least 1.</summary>
    public static int Share(int limit, int peers) => Math.Max(1, (int)Math.Ceiling(limit / (double)Math.Max(1, peers)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.AddressRefresh);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var name = options.CurrentValue.RateLimit.Peers;
        if (string.IsNullOrWhiteSpace(name))
        {
            Volatile.Write(ref _count, 1);
            return;
        }

        try
        {
            var count = Math.Max(1, (await resolve(name, cancellationToken)).Distinct().Count());
            if (Interlocked.Exchange(ref _count, count) != count)
            {
                LogPeers(name, count);
            }
        }
        catch (SocketException ex)
        {
            LogNotResolved(name, Count, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} resolves to {Count} gateway replicas: each takes its share of the rate limits")]
    private partial void LogPeers(string name, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway replicas {Name} did not resolve ({Reason}); the rate limits stay shared by {Count}")]
    private partial void LogNotResolved(string name, int count, string reason);
}
