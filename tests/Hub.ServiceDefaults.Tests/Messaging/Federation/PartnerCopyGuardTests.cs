using Hub.ServiceDefaults.Messaging.Federation;
using Hub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.ServiceDefaults.Tests.Messaging.Federation;

public sealed class PartnerCopyGuardTests
{
    [Fact]
    public async Task PartnerHubsCopy_ReachesOnlyConsumersThatTakePartnerMessages_AndThisHubsOwnReachesBoth()
    {
        await using var host = await MessagingTestHost.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new FactShared("from-cn"), context => context.Headers.Set(FederatedMessage.SourceHubHeader, "CN"));
        await bus.Publish(new FactShared("from-here"));

        // Each message is delivered to both consumers' endpoints; all four deliveries finish before the check.
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Received == 4), TimeSpan.FromSeconds(30), "four deliveries finish");
        host.Deliveries.Handled.Order(StringComparer.Ordinal).ShouldBe(
        [
            "own:from-here",
            "partner-aware:from-cn from CN",
            "partner-aware:from-here from here",
        ]);
    }
}
