namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class ErrorQueueTests(ConsoleFixture fixture)
{
    private const string Body = """{"messageId":"x","messageType":["urn:message:Hub.Contracts.Platform:ServiceProbed"],"message":{"probe":42}}""";

    [Fact]
    public async Task ErrorQueues_WithAFaultedMessage_ListTheQueueWithDepthOneAndShowTheMessage()
    {
        var input = $"catalog-{Guid.NewGuid():N}";
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body);
        await fixture.Broker.DepthIsAsync(input + "_error", 1);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("error-queues");
        await console.ScreenshotAsync("error-queues");
        (await console.Page.InnerTextAsync($"tr[data-queue={input}_error] td.depth")).ShouldBe("1");

        await console.Page.ClickAsync($"a:text-is('{input}_error')");
        await console.ScreenshotAsync("error-queue-messages");
        (await console.Page.InnerTextAsync("#depth")).ShouldBe("1");
        (await console.Page.InnerTextAsync("#input-queue")).ShouldBe(input);
        var row = await console.Page.InnerTextAsync($"tr[data-message='{messageId}']");
        row.ShouldContain("Stock reservation failed: boom");
        row.ShouldContain("\"probe\":42");

        // Looking loses nothing.
        await console.Page.ReloadAsync();
        (await console.Page.InnerTextAsync("#depth")).ShouldBe("1");
        (await fixture.Broker.PeekAsync(input + "_error")).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Replay_MovesTheMessageBackToItsInputQueueWithBodyAndHeaders()
    {
        var input = $"order-{Guid.NewGuid():N}";
        var other = await fixture.Broker.FaultedMessageAsync(input, Body);
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body.Replace("42", "43", StringComparison.Ordinal));
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();
        await console.GoAsync($"error-queues/{input}_error");

        await console.Page.ClickAsync($"tr[data-message='{messageId}'] button.replay");

        await console.ScreenshotAsync("error-queue-replayed");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Replayed message {messageId} to {input}.");
        (await console.Page.InnerTextAsync("#depth")).ShouldBe("1");
        await fixture.Broker.DepthIsAsync(input + "_error", 1);
        await fixture.Broker.DepthIsAsync(input, 1);
        var replayed = (await fixture.Broker.PeekAsync(input)).Single();
        replayed.GetProperty("properties").GetProperty("message_id").GetString().ShouldBe(messageId);
        replayed.GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-Message").GetString().ShouldBe("Stock reservation failed: boom");
        replayed.GetProperty("payload").GetString().ShouldBe(Body.Replace("42", "43", StringComparison.Ordinal));
        var left = (await fixture.Broker.PeekAsync(input + "_error")).Single();
        left.GetProperty("properties").GetProperty("message_id").GetString().ShouldBe(other);
    }

    [Fact]
    public async Task SkippedQueue_IsListedAndItsMessageReplayedToTheInputQueue()
    {
        var input = $"tax-refund-{Guid.NewGuid():N}";
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body, "_skipped");
        await fixture.Broker.DepthIsAsync(input + "_skipped", 1);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("error-queues");
        (await console.Page.InnerTextAsync($"tr[data-queue={input}_skipped] td.depth")).ShouldBe("1");
        await console.GoAsync($"error-queues/{input}_skipped");
        (await console.Page.InnerTextAsync("#input-queue")).ShouldBe(input);
        await console.Page.ClickAsync($"tr[data-message='{messageId}'] button.replay");

        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Replayed message {messageId} to {input}.");
        await fixture.Broker.DepthIsAsync(input + "_skipped", 0);
        await fixture.Broker.DepthIsAsync(input, 1);
    }

    [Fact]
    public async Task Discard_RemovesTheMessageForGood()
    {
        var input = $"payment-{Guid.NewGuid():N}";
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();
        await console.GoAsync($"error-queues/{input}_error");

        await console.Page.ClickAsync($"tr[data-message='{messageId}'] button.discard");

        await console.ScreenshotAsync("error-queue-discarded");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Discarded message {messageId}.");
        (await console.Page.InnerTextAsync("#depth")).ShouldBe("0");
        (await console.Page.Locator("#empty").CountAsync()).ShouldBe(1);
        await fixture.Broker.DepthIsAsync(input + "_error", 0);
        await fixture.Broker.DepthIsAsync(input, 0);
    }

    [Fact]
    public async Task Replay_OfAMessageNoLongerThere_SaysSoAndChangesNothing()
    {
        var input = $"customs-{Guid.NewGuid():N}";
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();
        await console.GoAsync($"error-queues/{input}_error");
        await fixture.Broker.DrainAsync(input + "_error");

        await console.Page.ClickAsync($"tr[data-message='{messageId}'] button.replay");

        await console.ScreenshotAsync("error-queue-gone");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Message {messageId} is no longer in {input}_error.");
        await fixture.Broker.DepthIsAsync(input, 0);
    }

    [Fact]
    public async Task Replay_WithoutTheFormToken_IsRefusedAndChangesNothing()
    {
        var input = $"tax-refund-{Guid.NewGuid():N}";
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        // Signed in, but posted from elsewhere: no antiforgery token.
        var response = await console.Page.APIRequest.PostAsync(
            fixture.Console + $"actions/error-queues/{input}_error/messages/{messageId}/replay");

        response.Status.ShouldBe(400);
        await fixture.Broker.DepthIsAsync(input + "_error", 1);
        (await fixture.Broker.PeekAsync(input)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Replay_ToAQueueThatNoLongerExists_KeepsTheMessageInTheErrorQueue()
    {
        var input = $"logistics-{Guid.NewGuid():N}";
        var messageId = await fixture.Broker.FaultedMessageAsync(input, Body);
        await fixture.Broker.DeleteAsync(input);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();
        await console.GoAsync($"error-queues/{input}_error");

        await console.Page.ClickAsync($"tr[data-message='{messageId}'] button.replay");

        await console.ScreenshotAsync("error-queue-replay-refused");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"The broker refused the action on message {messageId}; it is still in {input}_error.");
        (await console.Page.InnerTextAsync("#depth")).ShouldBe("1");
        (await fixture.Broker.PeekAsync(input + "_error")).Single().GetProperty("properties").GetProperty("message_id").GetString().ShouldBe(messageId);
    }
}
