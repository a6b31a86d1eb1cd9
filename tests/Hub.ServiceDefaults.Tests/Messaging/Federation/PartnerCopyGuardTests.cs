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
        // The copy the own-facts endpoint turned away is acknowledged as taken care of, not kept in its _skipped queue.
        (await host.VirtualHost.QueueDepthAsync("outbox-test-own-facts")).ShouldNotBeNull("the own-facts endpoint's queue");
        (await host.VirtualHost.MessagesNowAsync("outbox-test-own-facts_skipped")).ShouldBe(0);
    }

    [Fact]
    public async Task PartnerHubsCopy_RedeliveredAfterAFailure_IsStillThePartnersCopy()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Messaging:RetryLimit"] = "0",
            ["Messaging:Redelivery:0"] = "00:00:00.300",
        });
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new FactShared("fails-once"), context => context.Headers.Set(FederatedMessage.SourceHubHeader, "CN"));

        // Two deliveries of the partner's copy (the first, failed, and its redelivery), one the own-facts endpoint turned away.
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Received == 3), TimeSpan.FromSeconds(30), "the redelivery finishes");
        host.Deliveries.Handled.ShouldBe(["partner-aware:fails-once from CN"]);
        (await host.CountAsync(db => db.OutboxMessages.Where(m => m.RedeliveryCount == 1 && m.SourceHub == "CN"))).ShouldBe(1);
    }
}
