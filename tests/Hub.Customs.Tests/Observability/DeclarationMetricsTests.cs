using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Customs.V1;
using Hub.Testing;

namespace Hub.Customs.Tests.Observability;

public sealed class DeclarationMetricsTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    // The gauges are read from the database at most every 15 s (the default): a change shows within about that.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Metrics_AHeldExportDeclaration_CountsAsLodgedAndHeldNow()
    {
        using var scraper = host.Operator();
        var text = await scraper.GetStringAsync("/metrics");
        var heldBefore = Value(text, "hub_customs_declarations_current", "Held") ?? 0;
        var lodgedBefore = Value(text, "hub_customs_declarations_lodged_total", null) ?? 0;

        var held = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export, exporter: "Orion Star Shipping SDN BHD"));

        held.Status.ShouldBe(DeclarationStatus.Held);
        await Eventually.TrueAsync(async () => Value(text = await scraper.GetStringAsync("/metrics"), "hub_customs_declarations_current", "Held") == heldBefore + 1,
            Patience, "the held declaration shows in the gauge");
        Value(text, "hub_customs_declarations_lodged_total", null).ShouldBe(lodgedBefore + 1);
    }

    /// <summary>The export series of a metric (with the given status, if any).</summary>
    private static double? Value(string text, string metric, string? status) =>
        new Regex($"^{metric}{{(?=[^}}]*type=\"Export\")" + (status is null ? "" : $"(?=[^}}]*status=\"{status}\")") + "[^}]*} (?<value>\\S+)", RegexOptions.Multiline)
            .Match(text) is { Success: true } match
            ? double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)
            : null;
}
