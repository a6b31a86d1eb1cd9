using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

/// <summary>The worked examples of DOMAIN.md, computed with <see cref="Money"/> operations and explicit rounding.</summary>
public sealed class MoneyDomainVectorTests
{
    private static readonly CurrencyCode Krw = CurrencyCode.KRW;
    private static readonly CurrencyCode Cny = CurrencyCode.CNY;

    [Fact]
    public void KoreanGeneralTrade_CifUsd1085AtRate1350_GivesTaxesKrw275373()
    {
        var cif = new Money(1_000m, CurrencyCode.USD) + new Money(80m, CurrencyCode.USD) + new Money(5m, CurrencyCode.USD);

        var customsValue = cif.ConvertTo(Krw, 1_350m).Round(MoneyRounding.Down);
        var duty = (customsValue * 0.08m).Round(MoneyRounding.Down);
        var vatBase = customsValue + duty;
        var vat = (vatBase * 0.10m).Round(MoneyRounding.Down);
        var total = duty + vat;

        cif.ShouldBe(new Money(1_085m, CurrencyCode.USD));
        customsValue.ShouldBe(new Money(1_464_750m, Krw));
        duty.ShouldBe(new Money(117_180m, Krw));
        vatBase.ShouldBe(new Money(1_581_930m, Krw));
        vat.ShouldBe(new Money(158_193m, Krw));
        total.ShouldBe(new Money(275_373m, Krw));
        total.ToMinorUnits().ShouldBe(275_373);
    }

    [Fact]
    public void ChineseGeneralTrade_Cif10000_GivesDuty1000AndVat1430()
    {
        var cif = new Money(10_000m, Cny);

        var duty = (cif * 0.10m).Round(MoneyRounding.HalfUp);
        var vat = ((cif + duty) * 0.13m).Round(MoneyRounding.HalfUp);

        duty.ToString().ShouldBe("CNY 1,000.00");
        vat.ToString().ShouldBe("CNY 1,430.00");
        vat.ToMinorUnits().ShouldBe(143_000);
    }

    [Theory]
    [InlineData(0.00, 91.00)]
    [InlineData(0.15, 230.59)]
    public void ChineseCrossBorderRetail_TaxAt70Percent_MatchesVector(double consumptionTaxRate, double expectedTax)
    {
        var value = new Money(1_000m, Cny);
        var ct = (decimal)consumptionTaxRate;

        var tax = (value * ((ct + 0.13m) / (1 - ct) * 0.7m)).Round(MoneyRounding.HalfUp);

        tax.ShouldBe(new Money((decimal)expectedTax, Cny));
    }

    [Fact]
    public void ChineseExportVatRefund_Purchase11300At9Percent_Refunds900AndCosts400()
    {
        var purchase = new Money(11_300m, Cny);

        var net = (purchase / 1.13m).Round(MoneyRounding.HalfUp);
        var refund = (net * 0.09m).Round(MoneyRounding.HalfUp);
        var cost = (net * 0.13m).Round(MoneyRounding.HalfUp) - refund;

        net.ShouldBe(new Money(10_000m, Cny));
        refund.ToString().ShouldBe("CNY 900.00");
        cost.ToString().ShouldBe("CNY 400.00");
    }
}
