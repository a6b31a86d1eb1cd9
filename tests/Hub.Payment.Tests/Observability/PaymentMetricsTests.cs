using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Payment.V1;
using Hub.Testing;

namespace Hub.Payment.Tests.Observability;

public sealed class PaymentMetricsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    // The gauges are read from the ledger at most every 15 s (the default): a change shows within about that.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Metrics_SecuringAndReleasingCrossCurrency_MoveEscrowBalanceAndFxPosition()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_00, "USD");
        var quote = await host.QuoteAsync(buyer, "USD", 1_350_000, "KRW");
        using var scraper = host.Operator();

        await host.SecureAsync(order, buyer, supplier, quote);

        var held = (double)quote.Pay.MinorUnits / 100;
        await Eventually.TrueAsync(async () => Value(await scraper.GetStringAsync("/metrics"), "hub_escrow_balance", "USD") == held,
            Patience, $"the escrow balance in USD is {held}");

        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        var text = "";
        await Eventually.TrueAsync(async () => Value(text = await scraper.GetStringAsync("/metrics"), "hub_escrow_balance", "USD") == 0,
            Patience, "the released escrow no longer counts");
        Value(text, "hub_fx_position", "USD").ShouldBe(held);
        Value(text, "hub_fx_position", "KRW").ShouldBe(-1_350_000);
    }

    private static double? Value(string text, string metric, string currency) =>
        new Regex($"^{metric}{{[^}}]*currency=\"{currency}\"[^}}]*}} (?<value>\\S+)", RegexOptions.Multiline).Match(text) is { Success: true } match
            ? double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)
            : null;
}
