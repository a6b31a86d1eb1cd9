using Grpc.Core;
using Hub.Customs.V1;

namespace Hub.Customs.Tests.Grpc;

/// <summary>The preview reads the seeded reference data of each destination hub.</summary>
public sealed class PreviewLandedCostTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    private static PreviewLandedCostRequest KoreanVector(string onDate = "2026-11-23") => new()
    {
        DestinationHub = "KR",
        InvoiceCurrency = "USD",
        Incoterm = "FOB",
        FreightMinor = 8_000,
        InsuranceMinor = 500,
        OnDate = onDate,
        Lines = { Requests.Line(valueMinor: 100_000) },
    };

    [Fact]
    public async Task PreviewLandedCost_KoreanVector_Totals275373Won()
    {
        var reply = await host.Grpc.PreviewLandedCostAsync(KoreanVector());

        reply.Currency.ShouldBe("KRW");
        reply.FxRate.ShouldBe("1350");
        reply.CustomsValue.MinorUnits.ShouldBe(1_464_750);
        reply.Duty.MinorUnits.ShouldBe(117_180);
        reply.Vat.MinorUnits.ShouldBe(158_193);
        reply.Total.ShouldBe(new Amount { MinorUnits = 275_373, Currency = "KRW" });
        reply.Regime.Code.ShouldBe("GENERAL");
        reply.RoundingMode.ShouldBe("HalfUp");
        reply.Lines.ShouldHaveSingleItem().TariffPrefix.ShouldBe("8516");
    }

    [Fact]
    public async Task PreviewLandedCost_TheWeekBefore_UsesThatWeeksCustomsRate()
    {
        var reply = await host.Grpc.PreviewLandedCostAsync(KoreanVector("2026-11-21"));

        reply.FxRate.ShouldBe("1340");
        reply.CustomsValue.MinorUnits.ShouldBe(1_453_900);
    }

    [Fact]
    public async Task PreviewLandedCost_ChineseGeneralTradeVector()
    {
        var reply = await host.Grpc.PreviewLandedCostAsync(new PreviewLandedCostRequest
        {
            DestinationHub = "CN",
            InvoiceCurrency = "CNY",
            Incoterm = "CIF",
            OnDate = "2026-11-23",
            Lines = { Requests.Line(origin: "KR", valueMinor: 1_000_000) },
        });

        reply.Duty.ShouldBe(new Amount { MinorUnits = 100_000, Currency = "CNY" });
        reply.Vat.MinorUnits.ShouldBe(143_000);
        reply.Lines[0].PreferenceNote.ShouldContain("no certificate");
    }

    [Fact]
    public async Task PreviewLandedCost_ChineseCbecCosmetics_Is23PointZeroSixPercent()
    {
        var reply = await host.Grpc.PreviewLandedCostAsync(new PreviewLandedCostRequest
        {
            DestinationHub = "CN",
            InvoiceCurrency = "CNY",
            Incoterm = "CIF",
            Channel = Channel.Ecommerce,
            BuyerId = "buyer-preview",
            OnDate = "2026-11-23",
            Lines = { Requests.Line(hs: "330499", origin: "JP", valueMinor: 100_000, quantity: "1") },
        });

        reply.Regime.Code.ShouldBe("CN-CBEC");
        reply.Regime.LowValueApplied.ShouldBeTrue();
        reply.Total.MinorUnits.ShouldBe(23_059);
    }

    [Fact]
    public async Task PreviewLandedCost_KoreanFtaCertificate_AppliesThePreferentialRate()
    {
        var request = KoreanVector();
        request.Lines[0].Certificate = new CertificateOfOrigin
        {
            Number = "KCFTA-CN-2026-77", Agreement = "KCFTA", Origin = "CN", HsSubheading = "851671", IssuedOn = "2026-02-01", DirectTransport = true,
        };

        var reply = await host.Grpc.PreviewLandedCostAsync(request);

        reply.Lines[0].PreferenceApplied.ShouldBeTrue();
        reply.Duty.MinorUnits.ShouldBe(23_436);
    }

    [Fact]
    public async Task PreviewLandedCost_UnknownIncoterm_IsInvalidArgument()
    {
        var request = KoreanVector();
        request.Incoterm = "FOBX";

        var error = await Should.ThrowAsync<RpcException>(async () => await host.Grpc.PreviewLandedCostAsync(request));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Trailers.GetValue("field").ShouldBe("incoterm");
    }

    [Fact]
    public async Task PreviewLandedCost_NoFxRateYet_FailsPrecondition()
    {
        var error = await Should.ThrowAsync<RpcException>(async () => await host.Grpc.PreviewLandedCostAsync(KoreanVector("2026-11-01")));

        error.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        error.Trailers.GetValue("field").ShouldBe("invoice_currency");
    }
}
