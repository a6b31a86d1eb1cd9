using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hub.Catalog.Data;
using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Logistics.Data;
using Hub.Order.Data;
using Hub.Payment.Data;
using Hub.ServiceDefaults.Data;
using Hub.TaxRefund.Data;
using Hub.Testing;

namespace Hub.Services.Tests;

/// <summary>What every service must do at this stage: refuse readiness until migrated, then serve and message.</summary>
public sealed class ServiceStartupTests
{
    public static TheoryData<string> Services => new(HubSecrets.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public Task UnmigratedDatabase_IsNotReady_ThenMigrated_ServesAndMessages(string service) => service switch
    {
        "Catalog" => Verify<CatalogDbContext>(service, "catalog"),
        "Order" => Verify<OrderDbContext>(service, "order"),
        "Customs" => Verify<CustomsDbContext>(service, "customs"),
        "Logistics" => Verify<LogisticsDbContext>(service, "logistics"),
        "Payment" => Verify<PaymentDbContext>(service, "payment"),
        "TaxRefund" => Verify<TaxRefundDbContext>(service, "tax-refund"),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private static async Task Verify<TContext>(string configurationName, string path)
        where TContext : ServiceDbContext
    {
        await using var database = await TestDatabase.CreateAsync(path.Replace("-", "", StringComparison.Ordinal));
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var factory = new ServiceFactory<TContext>(configurationName, database, vhost);
        using var client = factory.CreateClient();

        var unmigrated = await client.GetAsync("/health/ready");
        unmigrated.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await unmigrated.Content.ReadAsStringAsync()).ShouldContain("migration(s) not applied");

        await database.MigrateAsync<TContext>();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), $"{path} is ready");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);

        (await client.PostAsync($"/api/{path}/probes", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Sme(CompanyId.Parse("KR-C-000001")));
        (await client.PostAsync($"/api/{path}/probes", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Operator(HubId.Parse("CN")));
        (await client.PostAsync($"/api/{path}/probes", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Operator(HubId.Parse("KR")));
        var probe = await client.PostAsync($"/api/{path}/probes?timeoutMs=20000", null);
        probe.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = await probe.Content.ReadFromJsonAsync<JsonElement>();
        reply.GetProperty("delivered").GetBoolean().ShouldBeTrue();
        reply.GetProperty("service").GetString().ShouldBe(path);

        var missing = await client.GetAsync($"/api/{path}/probes/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        (await client.GetStringAsync("/metrics")).ShouldContain("hub_outbox_published");
    }
}
