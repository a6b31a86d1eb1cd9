using Hub.Catalog.Endpoints;
using Hub.Contracts.Values;

namespace Hub.Catalog.Tests.Endpoints;

public sealed class ProductRequestValidatorTests
{
    private static Dictionary<string, string[]> Validate(ProductRequest request) =>
        ProductRequestValidator.Validate(request, CurrencyCode.KRW, out _, out _);

    [Fact]
    public void Validate_GoodRequest_GivesDetailsAndTiers()
    {
        var errors = ProductRequestValidator.Validate(
            Requests.Product() with { NationalLines = [new NationalLineDto("CN", "8518300000"), new NationalLineDto("kr", "8518.30.1000")] },
            CurrencyCode.KRW, out var details, out var tiers);
        errors.ShouldBeEmpty();
        details.ShouldNotBeNull();
        details.HsCode.Subheading.ShouldBe("851830");
        details.NationalLines.Select(l => (l.Destination, l.Line)).ShouldBe([("CN", "8518300000"), ("KR", "8518301000")]);
        tiers.Select(t => t.MinQuantity).ShouldBe([10, 100]);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("8518")]
    [InlineData("85183000")]
    [InlineData("abc123")]
    public void Validate_NotAnHs2022Subheading_NamesHsCode(string hs) =>
        Validate(Requests.Product() with { HsCode = hs }).Keys.ShouldBe(["hsCode"]);

    [Fact]
    public void Validate_NationalLineOfAnotherSubheading_NamesTheLine() =>
        Validate(Requests.Product() with { NationalLines = [new NationalLineDto("CN", "8518300000"), new NationalLineDto("MY", "8517130000")] })
            .Keys.ShouldBe(["nationalLines[1].line"]);

    [Fact]
    public void Validate_NonPositiveMeasuresAndQuantities_NameEachField()
    {
        var errors = Validate(Requests.Product() with
        {
            Unit = new UnitMeasuresDto(0m, 0.2m, -1m, 8m, 4m),
            Packaging = new PackagingDto(0, 45m, 35m, 25m, 13.5m),
            Moq = 0,
        });
        errors.Keys.ShouldBe(["unit.netWeightKg", "unit.lengthCm", "packaging.unitsPerCarton", "moq"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_AbsentNumbers_AreRequired_NotReadAsZero()
    {
        var errors = Validate(Requests.Product() with
        {
            Unit = new UnitMeasuresDto(null, 0.25m, 10m, null, 4m),
            Packaging = new PackagingDto(null, 45m, 35m, 25m, null),
            Moq = null,
            LeadTimeDays = null,
            Prices = new PricesDto("KRW", [new PriceTierDto(null, 12_000m), new PriceTierDto(100, null)]),
        });

        string[] fields = ["unit.netWeightKg", "unit.widthCm", "packaging.unitsPerCarton", "packaging.cartonGrossWeightKg", "moq", "leadTimeDays",
            "prices.tiers[0].minQuantity", "prices.tiers[1].unitPrice"];
        errors.Keys.ShouldBe(fields, ignoreOrder: true);
        errors.ShouldAllBe(e => e.Value.Single().StartsWith(e.Key + " is required", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateStock_AbsentOnHand_IsRequired() =>
        ProductRequestValidator.ValidateStock(new StockRequest(null, 5)).ShouldContainKey("onHand");

    [Fact]
    public void Validate_BadCurrencyAndPrices_NamePriceFields()
    {
        var errors = Validate(Requests.Product() with
        {
            Prices = new PricesDto("KRX", [new PriceTierDto(10, 0m), new PriceTierDto(5, 12.5m)]),
        });
        errors.Keys.ShouldBe(["prices.currency", "prices.tiers[0].unitPrice", "prices.tiers[1].minQuantity", "prices.tiers[1].unitPrice"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_PricesInAnotherCurrencyThanTheSupplier_NamesCurrency() =>
        Validate(Requests.Product() with { Prices = new PricesDto("USD", [new PriceTierDto(10, 12m)]) }).Keys.ShouldBe(["prices.currency"]);

    [Fact]
    public void Validate_FirstBreakAboveMoq_NamesIt() =>
        Validate(Requests.Product(moq: 10, tiers: [new PriceTierDto(20, 1_000m)])).Keys.ShouldBe(["prices.tiers[0].minQuantity"]);

    [Fact]
    public void Validate_OverlongTitleAndDuplicateLanguage_NameTexts()
    {
        var errors = Validate(Requests.Product() with
        {
            Texts = [new ProductTextDto("ko", new string('가', 201), ""), new ProductTextDto("ko", "두번째", ""), new ProductTextDto("Korean", "x", "")],
        });
        errors.Keys.ShouldBe(["texts[0].title", "texts[1].language", "texts[2].language"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_CartonLighterThanItsUnits_NamesCartonWeight() =>
        Validate(Requests.Product() with { Packaging = new PackagingDto(50, 45m, 35m, 25m, 5m) }).Keys.ShouldBe(["packaging.cartonGrossWeightKg"]);
}
