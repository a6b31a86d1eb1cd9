using System.Globalization;
using Hub.Customs.V1;
using Microsoft.EntityFrameworkCore;
using TaxLine = Hub.Customs.Domain.Declarations.TaxLine;

namespace Hub.Customs.Tests.Grpc;

/// <summary>Hub CN: each tax line a declaration stores is its base times its effective rate, rounded to the fen.</summary>
public sealed class DeclarationTaxLineTests(ChinaCustomsHost host) : IClassFixture<ChinaCustomsHost>
{
    [Fact]
    public async Task Declare_GeneralTradeWithConsumptionTax_StoresTheCompositePriceAsTheBaseOfConsumptionTaxAndVat()
    {
        // CIF CNY 10,000 of cosmetics: duty 1 % = 100.00; composite price 10,100 / 0.85 = 11,882.35; CT 15 % = 1,782.35; VAT 13 % = 1,544.71.
        var request = ChineseImport("330499", 1_000_000, Channel.GeneralTrade);

        await host.Grpc.DeclareAsync(request);

        var taxes = await TaxesAsync(request.OrderId);
        taxes.ShouldAllBe(t => Math.Round(t.Base * RateOf(t.Rate), 2, MidpointRounding.AwayFromZero) == t.Amount);
        Line(taxes, "DUTY").ShouldBe((10_000.00m, "1 %", 100.00m));
        Line(taxes, "CT").ShouldBe((11_882.35m, "0.15", 1_782.35m));
        Line(taxes, "VAT").ShouldBe((11_882.35m, "0.13", 1_544.71m));
    }

    [Theory]
    [InlineData("851671", 91.00)]
    [InlineData("330499", 230.59)]
    public async Task Declare_CrossBorderRetail_StoresRatesAtSeventyPercentThatGiveTheAmounts(string hs, double expectedTaxes)
    {
        var request = ChineseImport(hs, 100_000, Channel.Ecommerce).Also(r => r.BuyerId = $"CN-C-{hs}");

        var reply = await host.Grpc.DeclareAsync(request);

        reply.RegimeCode.ShouldBe("CN-CBEC");
        var taxes = await TaxesAsync(request.OrderId);
        taxes.ShouldAllBe(t => Math.Round(t.Base * RateOf(t.Rate), 2, MidpointRounding.AwayFromZero) == t.Amount);
        (Line(taxes, "CT").Amount + Line(taxes, "VAT").Amount).ShouldBe((decimal)expectedTaxes);
        Line(taxes, "DUTY").Amount.ShouldBe(0m);
        Line(taxes, "VAT").Rate.ShouldBe("0.091");
    }

    private static DeclareRequest ChineseImport(string hs, long cnyMinor, Channel channel) =>
        Requests.Declaration(DeclarationType.Import, orderId: Requests.NewOrderId("CN")).Also(r =>
        {
            r.InvoiceCurrency = "CNY";
            r.Incoterm = "CIF";
            r.FreightMinor = 0;
            r.InsuranceMinor = 0;
            r.Channel = channel;
            r.Lines[0].HsCode = hs;
            r.Lines[0].Origin = "KR";
            r.Lines[0].ValueMinor = cnyMinor;
        });

    private async Task<List<TaxLine>> TaxesAsync(string orderId)
    {
        await using var db = host.Db();
        var declaration = await db.Declarations.AsNoTracking().SingleAsync(d => d.OrderId == orderId);
        return [.. declaration.Items.ShouldHaveSingleItem().Taxes];
    }

    private static (decimal Base, string Rate, decimal Amount) Line(List<TaxLine> taxes, string type) =>
        taxes.Where(t => t.Type == type).Select(t => (t.Base, t.Rate, t.Amount)).ShouldHaveSingleItem();

    private static decimal RateOf(string text) => text.EndsWith('%')
        ? decimal.Parse(text[..^1], CultureInfo.InvariantCulture) / 100m
        : decimal.Parse(text, CultureInfo.InvariantCulture);
}
