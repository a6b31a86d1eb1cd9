using System.Text.RegularExpressions;
using Hub.Testing;

namespace Hub.Console.Tests.Metrics;

[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleMetricsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Metrics_ExportErrorQueueDepthAndPartnerReachability()
    {
        var input = $"logistics-{Guid.NewGuid():N}";
        var unhandled = $"catalog-{Guid.NewGuid():N}";
        await fixture.Broker.FaultedMessageAsync(input, "{}");
        await fixture.Broker.FaultedMessageAsync(unhandled, "{}", "_skipped");
        await fixture.Broker.DepthIsAsync(input + "_error", 1);
        await fixture.Broker.DepthIsAsync(unhandled + "_skipped", 1);
        using var http = new HttpClient();
        var text = "";

        await Eventually.TrueAsync(async () =>
        {
            text = await http.GetStringAsync(fixture.Factory.Address + "/metrics");
            return Value(text, "hub_error_queue_messages", "queue", input + "_error") == "1"
                && Value(text, "hub_error_queue_messages", "queue", unhandled + "_skipped") == "1";
        }, TimeSpan.FromSeconds(15), "the console exports the error and skipped queues' depths");

        Value(text, "hub_error_queue_messages", "queue", input + "_error").ShouldBe("1");
        Value(text, "hub_error_queue_messages", "queue", unhandled + "_skipped").ShouldBe("1");
        Value(text, "hub_partner_reachable", "partner", "CN").ShouldBe("1");
        Value(text, "hub_partner_reachable", "partner", "MY").ShouldBe("0");
    }

    private static string? Value(string text, string metric, string label, string value) =>
        Gauge(metric, label, value).Match(text) is { Success: true } match ? match.Groups["value"].Value : null;

    private static Regex Gauge(string metric, string label, string value) =>
        new($"^{metric}{{[^}}]*{label}=\"{Regex.Escape(value)}\"[^}}]*}} (?<value>\\S+)", RegexOptions.Multiline);
}
