using System.Collections.Concurrent;
using System.Text.Json;
using Hub.Contracts.Platform;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Tests.Messaging.Federation;

public sealed class PartnerHubDispatcherTests
{
    private const string Secret = "kr-cn-dispatcher-test-secret";

    [Fact]
    public async Task MessageForPartnerHub_IsRetriedUntilAcceptedThenMarkedSent_SignedAsThisHub()
    {
        var partner = new PartnerGateway(refuseFirst: 2);
        await using var gateway = await partner.StartAsync();
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Partners:CN:Gateway"] = gateway.Urls.Single(),
            ["Partners:CN:Secret"] = Secret,
            ["Messaging:Outbox:MaxBackoff"] = "00:00:00.300",
        });
        var probe = new ServiceProbed(Guid.NewGuid(), "KR", "order", DateTime.UtcNow);

        Guid messageId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            messageId = scope.ServiceProvider.GetRequiredService<IOutbox>().PublishToHub(HubId.Parse("CN"), probe);
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(
            async () => await host.CountAsync(db => db.OutboxMessages.Where(m => m.MessageId == messageId && m.SentAt != null)) == 1,
            TimeSpan.FromSeconds(30),
            "the message is marked sent");
        partner.Attempts.ShouldBe(3);
        var accepted = partner.Accepted.ShouldHaveSingleItem();
        accepted.MessageId.ShouldBe(messageId);
        accepted.SourceHub.ShouldBe("KR");
        accepted.MessageType.ShouldBe(typeof(ServiceProbed).FullName);
        accepted.Body.Deserialize<ServiceProbed>(JsonSerializerOptions.Web).ShouldBe(probe);
        host.Deliveries.Received.ShouldBe(0);
    }

    [Fact]
    public async Task PublishToHub_NonContractType_IsRefusedAtOnce()
    {
        await using var host = await MessagingTestHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();

        Should.Throw<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<IOutbox>().PublishToHub(HubId.Parse("CN"), new NoteWritten("local only")));
    }

    [Fact]
    public async Task PublishToHub_ContractTypeThatStaysInItsHub_IsRefusedAtOnce()
    {
        await using var host = await MessagingTestHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();

        Should.Throw<ArgumentException>(() => outbox.PublishToHub(HubId.Parse("CN"),
            new Hub.Contracts.Order.OrderCompleted("KR-O-000001", "KR-C-000001", "CN-C-000001", DateTime.UtcNow)));
        FederatedMessageTypes.TryResolve(typeof(Hub.Contracts.Payment.EscrowReleased).FullName, out _).ShouldBeFalse();
        FederatedMessageTypes.TryResolve(typeof(Hub.Contracts.Customs.ExportCleared).FullName, out var crossing).ShouldBeTrue();
        crossing.ShouldBe(typeof(Hub.Contracts.Customs.ExportCleared));
    }

    /// <summary>A partner gateway that verifies signatures and refuses the first deliveries as if it were down.</summary>
    private sealed class PartnerGateway(int refuseFirst)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public ConcurrentBag<FederatedMessage> Accepted { get; } = [];

        public async Task<WebApplication> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/api/federation/messages", (Delegate)ReceiveAsync);
            await app.StartAsync();
            return app;
        }

        private async Task<IResult> ReceiveAsync(HttpContext context)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers;
            var signed = HubRequestSignature.Verify(Secret, context.Request.Method, context.Request.Path + context.Request.QueryString,
                long.Parse(headers[HubRequestSignature.TimestampHeader]!, System.Globalization.CultureInfo.InvariantCulture),
                body.ToArray(), headers[HubRequestSignature.SignatureHeader]);
            if (!signed || headers[HubRequestSignature.HubHeader] != "KR")
            {
                return Results.Unauthorized();
            }

            if (Interlocked.Increment(ref _attempts) <= refuseFirst)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            Accepted.Add(JsonSerializer.Deserialize<FederatedMessage>(body.ToArray(), JsonSerializerOptions.Web)!);
            return Results.Accepted();
        }
    }
}
