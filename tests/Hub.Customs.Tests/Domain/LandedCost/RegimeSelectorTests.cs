using Hub.Contracts.Values;
using Hub.Customs.Domain;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;
using static Hub.Customs.Tests.Domain.Given;

namespace Hub.Customs.Tests.Domain.LandedCost;

public sealed class RegimeSelectorTests
{
    private static readonly CustomsReference Korea = For(Kr,
        [Line(HubId.KR, "85", 0.08m, 0.10m), Line(HubId.KR, "3304", 0.065m, 0.10m), Line(HubId.KR, "61", 0.13m, 0.10m)],
        [Fx(HubId.KR, "USD", 1350m)], [KrGeneral, KrListUs]);

    private static LandedCostRequest KoreanParcel(string origin, decimal usd, string hs = "851671", string buyer = "buyer-1") =>
        Request(HubId.KR, "USD", Incoterm.Fob, 10m, 0m, Goods(hs, origin, usd)) with { Channel = TradeChannel.ECommerce, Buyer = buyer };

    [Fact]
    public void Calculate_KoreaExactlyUsd150_IsFreeOfDutyAndVat()
    {
        var cost = LandedCostCalculator.Calculate(KoreanParcel("CN", 150.00m), Korea);

        cost.Regime.Code.ShouldBe("KR-GENERAL-150");
        cost.Regime.Applied.ShouldBeTrue();
        cost.Total.Amount.ShouldBe(0m);
    }

    [Fact]
    public void Calculate_KoreaOneCentOverUsd150_TaxesTheWholeValue()
    {
        var cost = LandedCostCalculator.Calculate(KoreanParcel("CN", 150.01m), Korea);

        cost.Regime.Code.ShouldBe(RegimeChoice.GeneralTradeCode);
        cost.Regime.Candidate!.Code.ShouldBe("KR-GENERAL-150");
        // CIF (150.01 + 10) × 1,350 = 216,014 (HalfUp); the whole value is taxed, not the excess.
        cost.CustomsValue.Amount.ShouldBe(216_014m);
        cost.Duty.Amount.ShouldBe(17_281m);
        cost.Vat.Amount.ShouldBe(23_330m);
    }

    [Theory]
    [InlineData("DAP", 15.00, 0.00, true)]
    [InlineData("CIF", 10.00, 5.00, true)]
    [InlineData("CFR", 5.00, 5.00, false)]
    [InlineData("DAP", 9.99, 0.00, false)]
    public void Calculate_KoreaInvoiceIncludingFreight_MeasuresTheGoodsWithoutFreightAndInsurance(string incoterm, decimal freight, decimal insurance, bool exempt)
    {
        // Invoice USD 160 including carriage (and insurance where the term pays it): the goods alone are 160 − what it includes.
        Incoterms.TryParse(incoterm, out var term).ShouldBeTrue();
        var request = Request(HubId.KR, "USD", term, freight, insurance, Goods("851671", "CN", 160m)) with { Channel = TradeChannel.ECommerce, Buyer = "buyer-dap" };

        var cost = LandedCostCalculator.Calculate(request, Korea);

        cost.Regime.Applied.ShouldBe(exempt);
        cost.Regime.Candidate!.Code.ShouldBe("KR-GENERAL-150");
        (cost.Total.Amount == 0m).ShouldBe(exempt);
    }

    [Fact]
    public void Calculate_KoreaDapFreightAboveTheInvoice_NamesTheFreightField()
    {
        var request = Request(HubId.KR, "USD", Incoterm.Dap, 200m, 0m, Goods("851671", "CN", 160m)) with { Channel = TradeChannel.ECommerce, Buyer = "buyer-dap" };

        Should.Throw<CustomsRuleException>(() => LandedCostCalculator.Calculate(request, Korea)).Field.ShouldBe("freight");
    }

    [Theory]
    [InlineData(200.00, true)]
    [InlineData(200.01, false)]
    public void Calculate_KoreaUsOriginListClearance_AllowsUsd200(decimal usd, bool exempt)
    {
        var cost = LandedCostCalculator.Calculate(KoreanParcel("US", usd), Korea);

        cost.Regime.Applied.ShouldBe(exempt);
        (cost.Total.Amount == 0m).ShouldBe(exempt);
        cost.Regime.Candidate!.Code.ShouldBe("KR-LIST-US-200");
    }

    [Fact]
    public void Calculate_KoreaUsOriginCosmetics_TakeGeneralClearanceWithUsd150()
    {
        var cost = LandedCostCalculator.Calculate(KoreanParcel("US", 180m, hs: "330499"), Korea);

        cost.Regime.Applied.ShouldBeFalse();
        cost.Regime.Candidate!.Code.ShouldBe("KR-GENERAL-150");
        cost.Total.Amount.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public void Calculate_KoreaSameDayOrdersOfOneBuyer_AddUpPastTheThreshold()
    {
        var earlier = BuyerImport.Record(HubId.KR, "buyer-1", "KR-O-000001", "KR-GENERAL-150", true, Day, new Money(100m, CurrencyCode.USD));
        var yesterday = BuyerImport.Record(HubId.KR, "buyer-1", "KR-O-000002", "KR-GENERAL-150", true, Day.AddDays(-1), new Money(100m, CurrencyCode.USD));
        var otherBuyer = BuyerImport.Record(HubId.KR, "buyer-2", "KR-O-000003", "KR-GENERAL-150", true, Day, new Money(100m, CurrencyCode.USD));
        var reference = Korea with { BuyerHistory = [earlier, yesterday, otherBuyer] };

        LandedCostCalculator.Calculate(KoreanParcel("CN", 60m), reference).Regime.Applied.ShouldBeFalse();
        LandedCostCalculator.Calculate(KoreanParcel("CN", 50m), reference).Regime.Applied.ShouldBeTrue();
        LandedCostCalculator.Calculate(KoreanParcel("CN", 60m, buyer: "buyer-3"), reference).Regime.Applied.ShouldBeTrue();
    }

    [Fact]
    public void Calculate_GeneralTradeChannel_NeverUsesALowValueRegime()
    {
        var cost = LandedCostCalculator.Calculate(KoreanParcel("CN", 50m) with { Channel = TradeChannel.GeneralTrade }, Korea);

        cost.Regime.Code.ShouldBe(RegimeChoice.GeneralTradeCode);
        cost.Regime.Candidate.ShouldBeNull();
        cost.Total.Amount.ShouldBeGreaterThan(0m);
    }

    [Theory]
    [InlineData(5_000.00, true)]
    [InlineData(5_000.01, false)]
    public void Calculate_ChinaPerTransactionLimit_IsInclusive(decimal value, bool cbec)
    {
        var reference = For(Cn, [Line(HubId.CN, "85", 0.10m, 0.13m)], regimes: [CnCbec]);
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", "KR", value)) with { Channel = TradeChannel.ECommerce, Buyer = "b" };

        var cost = LandedCostCalculator.Calculate(request, reference);

        cost.Regime.Applied.ShouldBe(cbec);
        cost.Duty.Amount.ShouldBe(cbec ? 0m : decimal.Round(value * 0.10m, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Calculate_ChinaAnnualLimit_IsCrossedByTheNthOrder()
    {
        var reference = For(Cn, [Line(HubId.CN, "85", 0.10m, 0.13m)], regimes: [CnCbec]);
        var history = new List<BuyerImport>();
        var outcomes = new List<bool>();
        for (var n = 1; n <= 7; n++)
        {
            var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", "KR", 4_000m)) with { Channel = TradeChannel.ECommerce, Buyer = "b" };
            var cost = LandedCostCalculator.Calculate(request, reference with { BuyerHistory = history });
            outcomes.Add(cost.Regime.Applied);
            history.Add(BuyerImport.Record(HubId.CN, "b", $"CN-O-{n:D6}", cost.Regime.Candidate!.Code, cost.Regime.Applied, Day, cost.Regime.MeasuredValue!.Value));
        }

        // 6 × 4,000 = 24,000 fits in 26,000; the 7th would make 28,000 and goes to general trade.
        outcomes.ShouldBe([true, true, true, true, true, true, false]);
    }

    [Fact]
    public void Calculate_ChinaAnnualLimit_CountsOnlyThisYear()
    {
        var lastYear = BuyerImport.Record(HubId.CN, "b", "CN-O-000001", "CN-CBEC", true, new DateOnly(2025, 12, 31), new Money(25_000m, CurrencyCode.CNY));
        var reference = For(Cn, [Line(HubId.CN, "85", 0.10m, 0.13m)], regimes: [CnCbec], history: [lastYear]);
        var request = Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", "KR", 4_000m)) with { Channel = TradeChannel.ECommerce, Buyer = "b" };

        LandedCostCalculator.Calculate(request, reference).Regime.Applied.ShouldBeTrue();
    }
}
