using Hub.Testing;

namespace Hub.ServiceDefaults.Tests.Messaging;

public sealed class QueueTypeTests
{
    [Fact]
    public async Task QuorumQueues_ConsumeRedeliverAndSetAsideThroughReplicatedQueues()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Messaging:QueueType"] = "quorum",
            ["Messaging:RetryLimit"] = "0",
            ["Messaging:Redelivery:0"] = "00:00:00.300",
        });

        await host.CommitAsync("a lot of ten", new NoteWritten("a lot of ten"));
        await host.CommitAsync("bad lot", new NoteRejected("bad lot"));

        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("a lot of ten")), TimeSpan.FromSeconds(30), "the note is handled");
        // The failed note is sent back to its own queue for its redelivery, then set aside in the error queue.
        // (A quorum queue the error transport has only just declared may answer the management API's read with a 400
        // for a moment.)
        await Eventually.TrueAsync(
            async () => await ErrorQueueDepthAsync(host) == 1,
            TimeSpan.FromSeconds(60),
            "the rejected note lands in the error queue");
        host.Deliveries.FailedAttempts.Keys.Order().ShouldBe(["bad lot #0", "bad lot #1"]);
        (await host.VirtualHost.QueueTypeAsync("outbox-test-recording")).ShouldBe("quorum");
        (await host.VirtualHost.QueueTypeAsync("outbox-test-failing")).ShouldBe("quorum");
        (await host.VirtualHost.QueueTypeAsync("outbox-test-failing_error")).ShouldBe("quorum");
    }

    private static async Task<int?> ErrorQueueDepthAsync(MessagingTestHost host)
    {
        try
        {
            return await host.VirtualHost.MessagesNowAsync("outbox-test-failing_error");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [Fact]
    public async Task ByDefault_QueuesAreClassic()
    {
        await using var host = await MessagingTestHost.StartAsync();

        await host.CommitAsync("a lot of ten", new NoteWritten("a lot of ten"));

        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("a lot of ten")), TimeSpan.FromSeconds(30), "the note is handled");
        (await host.VirtualHost.QueueTypeAsync("outbox-test-recording")).ShouldBe("classic");
    }

    [Theory]
    [InlineData("Messaging:QueueType", "mirrored", "Messaging:QueueType")]
    [InlineData("Messaging:QuorumReplicas", "0", "Messaging:QuorumReplicas")]
    public async Task UnknownQueueSettings_RefuseToStart(string key, string value, string named)
    {
        var refused = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => MessagingTestHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        refused.Message.ShouldContain(named);
    }
}
