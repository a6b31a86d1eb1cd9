using Hub.Contracts.Customs;
using Hub.TaxRefund.Data;
using Hub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.TaxRefund.Tests.Observability;

public sealed class TaxRefundMetricsTests
{
    [Fact]
    public async Task Metrics_AnExportCleared_ShowsOneOpenClaim()
    {
        await using var database = await TestDatabase.CreateAsync("taxrefund");
        await database.MigrateAsync<TaxRefundDbContext>();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = new ServiceFactory<TaxRefundDbContext>("TaxRefund", database, vhost, new Dictionary<string, string?>
        {
            ["Services:Payment:Grpc"] = TestPorts.FreeAddress(),
            ["TaxRefund:AutoFile"] = "false",
            ["Metrics:GaugeRefresh"] = "00:00:00.200",
        });
        using var meter = new OwnMeter(host.Services);
        using var client = host.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the service is ready");
        meter.Observe("hub.refund.claims", ("state", "Open")).ShouldBeNull();

        await host.Services.GetRequiredService<IBus>().Publish(new ExportCleared("KR-O-000701", "KR-D-000701", "KR", "LRN-701", "MRN-701", "KRW", 0, 0,
            new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc)));

        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.refund.claims", ("state", "Open")) == 1),
            TimeSpan.FromSeconds(30), "the refund backlog shows the open claim");
    }
}
