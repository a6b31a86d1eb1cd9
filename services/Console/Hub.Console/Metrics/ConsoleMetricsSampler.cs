using Hub.Console.Clients;
using Microsoft.Extensions.Options;

namespace Hub.Console.Metrics;

/// <summary>Samples error-queue depths and partner reachability into <see cref="ConsoleMetrics"/>.</summary>
internal sealed partial class ConsoleMetricsSampler(
    IServiceScopeFactory scopes, ConsoleMetrics metrics, HubTopology topology, IOptions<ConsoleOptions> options, ILogger<ConsoleMetricsSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval);
        try
        {
            do
            {
                await SampleAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var queues = await scope.ServiceProvider.GetRequiredService<BrokerManagementClient>().ErrorQueuesAsync(cancellationToken);
            metrics.ErrorQueues(queues.Select(q => (q.Name, q.Messages)));
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogBrokerUnavailable(ex.Message);
        }

        var partners = scope.ServiceProvider.GetRequiredService<PartnerClient>();
        foreach (var (hub, partner) in topology.Partners())
        {
            metrics.PartnerReachable(hub, await partners.ReachableAsync(partner, cancellationToken));
        }
    }

    [LoggerMessage(LogLevel.Warning, "Error queues could not be sampled from the broker management API: {Reason}")]
    private partial void LogBrokerUnavailable(string reason);
}
