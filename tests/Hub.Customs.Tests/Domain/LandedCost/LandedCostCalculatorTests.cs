using Hub.Contracts.Values;
using Hub.Customs.Domain;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;
using static Hub.Customs.Tests.Domain.Given;

namespace Hub.Customs.Tests.Domain.LandedCost;

public sealed class LandedCostCalculatorTests
{
    [Fact]
    public void Calculate_KoreanGeneralTradeVector_TotalsKrw275373()
    {
        // DOMAIN.md: FOB USD 1,000 + freight 80 + insurance 5 = CIF 1,085 at 1,350 → CV 1,464,750; duty 8 %; VAT 10 %.
        var reference = For(Kr, [Line(HubId.KR, "8516", 0.08m, 0.10m)], [Fx(HubId.KR, "USD", 1350m)]);
        var request = Request(HubId.KR, "USD", Incoterm.Fob, 80m, 5m, Goods("851671", "CN", 1000m));

        var cost = LandedCostCalculator.Calculate(request, reference);

        cost.CustomsValue.ShouldBe(new Money(1_464_750m, CurrencyCode.KRW));
        cost.Duty.Amount.ShouldBe(117_180m);
        cost.Vat.Amount.ShouldBe(158_193m);
        cost.ConsumptionTax.Amount.ShouldBe(0m);
        cost.Total.ShouldBe(new Money(275_373m, CurrencyCode.KRW));
        cost.Total.ToMinorUnits().ShouldBe(275_373);
        cost.Regime.Code.ShouldBe(RegimeChoice.GeneralTradeCode);
        cost.RoundingRule.ShouldContain("HalfUp");
    }

    [Fact]
    public void Calculate_ChineseGeneralTradeVector_Duty1000Vat1430()
    {
        var reference = For(Cn, [Line(HubId.CN, "8516", 0.10m, 0.13m)]);
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", "KR", 10_000m));

        var cost = LandedCostCalculator.Calculate(request, reference);

        cost.Duty.ShouldBe(new Money(1_000.00m, CurrencyCode.CNY));
        cost.Vat.ShouldBe(new Money(1_430.00m, CurrencyCode.CNY));
        cost.Vat.ToMinorUnits().ShouldBe(143_000);
    }

    [Theory]
    [InlineData(0, 91.00)]
    [InlineData(0.15, 230.59)]
    public void Calculate_ChineseCrossBorderRetailVector_TaxesAtSeventyPercent(double consumptionTax, double expected)
    {
        // DOMAIN.md: duty 0 %, VAT+CT at 70 %: 9.1 % with VAT 13 % and no CT; ≈ 23.06 % with CT 15 %, on CNY 1,000.
        var reference = For(Cn, [Line(HubId.CN, "3304", 0.05m, 0.13m, (decimal)consumptionTax)], regimes: [CnCbec]);
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("330499", "KR", 1_000m)) with { Channel = TradeChannel.ECommerce, Buyer = "buyer-1" };

        var cost = LandedCostCalculator.Calculate(request, reference);

        cost.Regime.Code.ShouldBe("CN-CBEC");
        cost.Regime.Applied.ShouldBeTrue();
        cost.Duty.Amount.ShouldBe(0m);
        cost.Total.ShouldBe(new Money((decimal)expected, CurrencyCode.CNY));
    }

    [Theory]
    [InlineData("EXW", 1_085)]
    [InlineData("FOB", 1_085)]
    [InlineData("CFR", 1_005)]
    [InlineData("CIF", 1_000)]
    [InlineData("DDP", 1_000)]
    public void Calculate_CifBasis_AddsWhatTheIncotermLeavesOut(string term, decimal expected)
    {
        Incoterms.TryParse(term, out var incoterm).ShouldBeTrue();
        var reference = For(Cn, [Line(HubId.CN, "8516", 0.10m, 0.13m)], [Fx(HubId.CN, "USD", 1m)]);
        var request = Request(HubId.CN, "USD", incoterm, 80m, 5m, Goods("851671", "KR", 1_000m));

        LandedCostCalculator.Calculate(request, reference).CustomsValue.Amount.ShouldBe(expected);
    }

    [Fact]
    public void Calculate_SeveralLines_SplitsFreightSoLinesAddUpToTheConsignment()
    {
        var reference = For(Cn, [Line(HubId.CN, "8516", 0.10m, 0.13m), Line(HubId.CN, "61", 0.06m, 0.13m)]);
        var request = Request(HubId.CN, "CNY", Incoterm.Fob, 100m, 0m,
            Goods("851671", "KR", 100m), Goods("610910", "KR", 100m), Goods("610910", "KR", 100m));

        var cost = LandedCostCalculator.Calculate(request, reference);

        cost.Lines.Select(l => l.CustomsValue.Amount).ShouldBe([133.34m, 133.33m, 133.33m]);
        cost.CustomsValue.Amount.ShouldBe(400m);
        cost.Lines[0].Duty.Amount.ShouldBe(13.33m);
        cost.Lines[1].Duty.Amount.ShouldBe(8.00m);
        cost.Total.ShouldBe(cost.Lines.Select(l => l.Total).Aggregate((a, b) => a + b));
    }

    [Fact]
    public void Calculate_SpecificDuty_ChargesAmountPerUnit()
    {
        var chicken = TariffLine.Specific(HubId.CN, "020714", "chicken", 1.30m, "KGM", 0.09m, 0m, Always);
        var reference = For(Cn, [chicken]);
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("020714", "KR", 5_000m, quantity: 1_000m, unit: "kgm"));

        var cost = LandedCostCalculator.Calculate(request, reference);

        cost.Duty.Amount.ShouldBe(1_300.00m);
        cost.Vat.Amount.ShouldBe(567.00m);
        cost.Lines[0].DutyBasis.ShouldBe("CNY 1.30 per KGM");
    }

    [Fact]
    public void Calculate_SpecificDutyInAnotherUnit_NamesTheUnitField()
    {
        var chicken = TariffLine.Specific(HubId.CN, "020714", "chicken", 1.30m, "KGM", 0.09m, 0m, Always);
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("020714", "KR", 5_000m, quantity: 10m, unit: "NAR"));

        Should.Throw<CustomsRuleException>(() => LandedCostCalculator.Calculate(request, For(Cn, [chicken]))).Field.ShouldBe("lines[0].unit");
    }

    [Fact]
    public void Calculate_NoTariffLine_NamesTheHsField()
    {
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", "KR", 10m), Goods("950300", "KR", 10m));

        Should.Throw<MissingReferenceDataException>(() => LandedCostCalculator.Calculate(request, For(Cn, [Line(HubId.CN, "85", 0.1m, 0.13m)])))
            .Field.ShouldBe("lines[1].hsCode");
    }

    [Fact]
    public void Calculate_NegativeValue_NamesTheValueField()
    {
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", "KR", -1m));

        Should.Throw<CustomsRuleException>(() => LandedCostCalculator.Calculate(request, For(Cn, [Line(HubId.CN, "85", 0.1m, 0.13m)])))
            .Field.ShouldBe("lines[0].value");
    }

    [Fact]
    public void Calculate_NoFxRateForTheInvoiceCurrency_NamesTheCurrencyField()
    {
        var request = Request(HubId.KR, "EUR", Incoterm.Cif, 0m, 0m, Goods("851671", "CN", 10m));

        Should.Throw<MissingReferenceDataException>(() => LandedCostCalculator.Calculate(request, For(Kr, [Line(HubId.KR, "85", 0.08m, 0.1m)], [Fx(HubId.KR, "USD", 1350m)])))
            .Field.ShouldBe("invoiceCurrency");
    }
}
