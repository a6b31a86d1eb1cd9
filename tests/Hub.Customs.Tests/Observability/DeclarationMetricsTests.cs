using Grpc.Net.Client;
using Hub.Customs.Data;
using Hub.Customs.V1;
using Hub.Testing;

namespace Hub.Customs.Tests.Observability;

public sealed class DeclarationMetricsTests
{
    [Fact]
    public async Task Metrics_AHeldExportDeclaration_CountsAsLodgedAndHeldNow()
    {
        await using var database = await TestDatabase.CreateAsync("customs");
        await database.MigrateAsync<CustomsDbContext>();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = new ServiceFactory<CustomsDbContext>("Customs", database, vhost, new Dictionary<string, string?>
        {
            ["Metrics:GaugeRefresh"] = "00:00:00.200",
        });
        using var channel = GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        using var meter = new OwnMeter(host.Services);

        var held = await new V1.Customs.CustomsClient(channel).DeclareAsync(Requests.Declaration(DeclarationType.Export, exporter: "Orion Star Shipping SDN BHD"));

        held.Status.ShouldBe(DeclarationStatus.Held);
        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.customs.declarations.current", ("type", "Export"), ("status", "Held")) == 1),
            TimeSpan.FromSeconds(20), "the held declaration shows in the gauge");
        meter.Observe("hub.customs.declarations.lodged", ("type", "Export")).ShouldBe(1);
        meter.Observe("hub.customs.declarations.current", ("status", "Cleared")).ShouldBeNull();
    }
}
