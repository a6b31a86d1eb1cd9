using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Platform;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Gateway.Tests.Federation;

[Collection(GatewayCollection.Name)]
public sealed class FederatedMessageEndpointsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task PartnerMessage_IsPublishedOnThisHubsBusUnderItsOwnId()
    {
        var received = new ConcurrentDictionary<Guid, (ServiceProbed Message, string? Source)>();
        using var consumer = await StartConsumerAsync(received);
        using var partner = fixture.CreatePartnerClient();
        var probe = new ServiceProbed(Guid.NewGuid(), "CN", "order", DateTime.UtcNow);
        var messageId = Guid.NewGuid();

        using var response = await partner.PostAsJsonAsync("/api/federation/messages", Envelope(messageId, probe));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(() => Task.FromResult(received.ContainsKey(messageId)), TimeSpan.FromSeconds(20), "the consumer receives it");
        received[messageId].Message.ShouldBe(probe);
        received[messageId].Source.ShouldBe("CN");
    }

    [Fact]
    public async Task PartnerMessage_OfATypeOutsideTheContracts_IsRefusedNamingTheField()
    {
        using var partner = fixture.CreatePartnerClient();
        var envelope = Envelope(Guid.NewGuid(), new { Path = "/etc/passwd" }) with { MessageType = "System.IO.FileInfo" };

        using var response = await partner.PostAsJsonAsync("/api/federation/messages", envelope);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("messageType", out _).ShouldBeTrue();
    }

    // Contract types that only this hub's own services state never come from a partner.
    [Theory]
    [InlineData("Hub.Contracts.Payment.PaymentSecured")]
    [InlineData("Hub.Contracts.Payment.EscrowReleased")]
    [InlineData("Hub.Contracts.Payment.DisputeResolved")]
    [InlineData("Hub.Contracts.Order.OrderPlaced")]
    public async Task PartnerMessage_OfAContractTypeThatDoesNotCrossHubs_IsRefusedNamingTheField(string type)
    {
        using var partner = fixture.CreatePartnerClient();
        var envelope = Envelope(Guid.NewGuid(), new { OrderId = "KR-O-000001" }) with { MessageType = type };

        using var response = await partner.PostAsJsonAsync("/api/federation/messages", envelope);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("messageType", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task PartnerMessage_ClaimingAnotherSourceHub_IsRefused()
    {
        using var partner = fixture.CreatePartnerClient();
        var envelope = Envelope(Guid.NewGuid(), new ServiceProbed(Guid.NewGuid(), "MY", "order", DateTime.UtcNow)) with { SourceHub = "MY" };

        using var response = await partner.PostAsJsonAsync("/api/federation/messages", envelope);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SmeToken_CannotPostPartnerMessages()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/federation/messages", Envelope(Guid.NewGuid(), new ServiceProbed(Guid.NewGuid(), "KR", "x", DateTime.UtcNow)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static FederatedMessage Envelope<T>(Guid messageId, T body) => new(
        messageId, typeof(ServiceProbed).FullName!, JsonSerializer.SerializeToElement(body, JsonSerializerOptions.Web), "CN", DateTime.UtcNow, null);

    private async Task<IHost> StartConsumerAsync(ConcurrentDictionary<Guid, (ServiceProbed, string?)> received)
    {
        var vhost = fixture.VirtualHost;
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(received);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddConsumer<RecordingConsumer>().Endpoint(e => e.Name = $"federation-test-{Guid.NewGuid():N}");
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(vhost.Servers.RabbitMq.Host, (ushort)vhost.Servers.RabbitMq.Port, vhost.Name, h =>
                {
                    h.Username(vhost.Servers.RabbitMqUser);
                    h.Password(vhost.Servers.RabbitMqPassword);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class RecordingConsumer(ConcurrentDictionary<Guid, (ServiceProbed, string?)> received) : IConsumer<ServiceProbed>
    {
        public Task Consume(ConsumeContext<ServiceProbed> context)
        {
            received[context.MessageId!.Value] = (context.Message, context.Headers.Get<string>(FederatedMessage.SourceHubHeader));
            return Task.CompletedTask;
        }
    }
}
