using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.Gateway.Protection;
using Hub.Gateway.Tests.Fakes;
using Hub.Testing;
using Hub.Platform.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using CatalogGrpc = Hub.Catalog.V1.Catalog;

namespace Hub.Gateway.Tests.Protection;

public sealed class ClientRateLimitingTests : IAsyncLifetime
{
    private const string CnSecret = "kr-cn-rate-limit-test-secret";
    private WebApplication _catalog = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _catalog = await EchoBackend.StartAsync();
        _gateway = new GatewayFactory(GatewaySettings.For("KR",
            ("Services:Catalog:Http", _catalog.Urls.First()),
            ("Gateway:RateLimit:Burst", "3"),
            ("Gateway:RateLimit:PerSecond", "1"),
            ("Gateway:RateLimit:PartnerBurst", "8"),
            ("Gateway:RateLimit:PartnerPerSecond", "1"),
            ("Gateway:RateLimit:RefusedBurst", "3"),
            ("Gateway:RateLimit:RefusedPerSecond", "1"),
            ("Partners:CN:Gateway", Backend.ClosedAddress()),
            ("Partners:CN:Secret", CnSecret)));
        _gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    [Fact]
    public async Task Burst_OverTheLimit_Gets429WithRetryAfter_OtherClientsDoNot()
    {
        using var greedy = Client(TestSecurity.Sme(CompanyId.Parse("KR-C-000001"), "greedy"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await greedy.GetAsync("/api/catalog/products");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(2);
        refused.ShouldNotBeNull();
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        using var patient = Client(TestSecurity.Sme(CompanyId.Parse("KR-C-000001"), "patient"));
        (await patient.GetAsync("/api/catalog/products")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PartnerHub_HasABucketOfItsOwnSize()
    {
        using var partner = Client(TestSecurity.PartnerHub(HubId.Parse("CN")));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await partner.GetAsync("/api/catalog/products")).StatusCode);
        }

        statuses.Take(8).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task ReplicasResolvedFromPeers_EachTakeTheirShareOfTheLimit_AndAnotherCountTakesEffect()
    {
        var replicas = 4;
        await using var gateway = new GatewayFactory(GatewaySettings.For("KR",
            ("Services:Catalog:Http", _catalog.Urls.First()),
            ("Gateway:RateLimit:PartnerBurst", "8"),
            ("Gateway:RateLimit:PartnerPerSecond", "1"),
            ("Gateway:RateLimit:RefusedBurst", "8"),
            ("Gateway:RateLimit:RefusedPerSecond", "1"),
            ("Gateway:RateLimit:Peers", "gateway-peers"),
            ("Partners:CN:Gateway", Backend.ClosedAddress()),
            ("Partners:CN:Secret", CnSecret)),
            services => services.AddSingleton<ResolveName>((name, _) =>
                Task.FromResult(name == "gateway-peers" ? Enumerable.Range(1, replicas).Select(i => IPAddress.Parse($"10.0.0.{i}")).ToArray() : [])));
        gateway.StartServer();
        var peers = gateway.Services.GetRequiredService<GatewayPeers>();
        await peers.RefreshAsync(CancellationToken.None);
        peers.Count.ShouldBe(4);

        using var partner = new HttpClient(new SigningHandler(HubId.Parse("CN"), CnSecret) { InnerHandler = gateway.Server.CreateHandler() })
        {
            BaseAddress = gateway.Server.BaseAddress,
        };
        async Task<List<HttpStatusCode>> CallAsync(int times)
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < times; i++)
            {
                statuses.Add((await partner.GetAsync("/api/catalog/products")).StatusCode);
            }

            return statuses;
        }

        // A burst of 8 shared by 4 replicas: this one takes 2.
        var shared = await CallAsync(5);
        shared.Take(2).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        shared.Skip(2).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);

        // An address's refusals too: 8 shared by 4, so the third bad signature is answered 429.
        using var forger = new HttpClient(new SigningHandler(HubId.Parse("CN"), "not-the-shared-secret") { InnerHandler = gateway.Server.CreateHandler() })
        {
            BaseAddress = gateway.Server.BaseAddress,
        };
        var refusals = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            refusals.Add((await forger.GetAsync("/api/catalog/products")).StatusCode);
        }

        refusals.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);

        // One replica left: its buckets are the whole bursts.
        replicas = 1;
        await peers.RefreshAsync(CancellationToken.None);
        var alone = await CallAsync(10);
        alone.Take(8).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        alone.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task BadPartnerSignatures_OverTheRefusedBurst_Get429BeforeAnyVerification()
    {
        using var signedIn = Client(TestSecurity.Sme(CompanyId.Parse("KR-C-000001"), "signed-in"));
        for (var i = 0; i < 3; i++)
        {
            (await signedIn.GetAsync("/api/catalog/products")).StatusCode.ShouldBe(HttpStatusCode.OK, "answered calls spend nothing from the refusals' bucket");
        }

        using var forger = new HttpClient(new SigningHandler(HubId.Parse("CN"), "not-the-shared-secret") { InnerHandler = _gateway.Server.CreateHandler() })
        {
            BaseAddress = _gateway.Server.BaseAddress,
        };
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await forger.PostAsync("/api/catalog/products", new ByteArrayContent(new byte[512 * 1024]));
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(2);
        refused.ShouldNotBeNull();
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        using var honest = new HttpClient(new SigningHandler(HubId.Parse("CN"), CnSecret) { InnerHandler = _gateway.Server.CreateHandler() })
        {
            BaseAddress = _gateway.Server.BaseAddress,
        };
        (await honest.GetAsync("/api/catalog/products")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the address is refused before its callers are authenticated");
    }

    [Fact]
    public async Task BadPartnerSignatures_OverGrpc_AreCountedAndThenUnavailableWithTheRetryHint()
    {
        var handler = new SigningHandler(HubId.Parse("CN"), "not-the-shared-secret") { InnerHandler = _gateway.Server.CreateHandler() };
        using var channel = GrpcChannel.ForAddress(_gateway.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
        var client = new CatalogGrpc.CatalogClient(channel);
        var refusals = new List<RpcException>();
        for (var i = 0; i < 6; i++)
        {
            refusals.Add(await Should.ThrowAsync<RpcException>(client.ProbeAsync(new ProbeRequest(), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync));
        }

        refusals.Take(3).ShouldAllBe(r => r.StatusCode == StatusCode.Unauthenticated);
        var limited = refusals.Where(r => r.StatusCode == StatusCode.Unavailable).ToList();
        limited.Count.ShouldBeGreaterThanOrEqualTo(2, "refusals answered as gRPC statuses spend from the address's bucket too");
        limited[0].Status.Detail.ShouldContain("refused too often; retry after 1 s");
        limited[0].Trailers.GetValue("grpc-retry-pushback-ms").ShouldBe("1000");
    }

    [Fact]
    public async Task HealthEndpoints_AreNotRateLimited()
    {
        using var client = _gateway.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private HttpClient Client(string token)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
