using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Contracts.Customs;
using Hub.Testing;

namespace Hub.TaxRefund.Tests.Observability;

public sealed class TaxRefundMetricsTests(TaxRefundHost host) : IClassFixture<TaxRefundHost>
{
    // The gauge is read from the database at most every 15 s (the default): a change shows within about that.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Metrics_AnExportCleared_ShowsOneMoreOpenClaim()
    {
        using var scraper = host.Operator();
        var before = Value(await scraper.GetStringAsync("/metrics"), "Open") ?? 0;

        await host.PublishAsync(new ExportCleared("KR-O-000701", "KR-D-000701", "KR", "LRN-701", "MRN-701", "KRW", 0, 0,
            new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc)));

        await Eventually.TrueAsync(async () => Value(await scraper.GetStringAsync("/metrics"), "Open") == before + 1,
            Patience, "the refund backlog shows the new open claim");
    }

    private static double? Value(string text, string state) =>
        new Regex($"^hub_refund_claims{{[^}}]*state=\"{state}\"[^}}]*}} (?<value>\\S+)", RegexOptions.Multiline).Match(text) is { Success: true } match
            ? double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)
            : null;
}
