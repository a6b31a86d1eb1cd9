using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Suppliers;
using Hub.Contracts.Values;

namespace Hub.Catalog.Tests.Domain.Products;

public sealed class ProductTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    internal static ProductDetails Details(string subheading = "330499", params NationalLine[] lines) => new(
        [new ProductText("ko", "수분 크림", "보습"), new ProductText("zh", "保湿霜", "")],
        HsCode.Parse(subheading),
        lines,
        CountryCode.KR,
        new UnitMeasures(0.05m, 0.08m, 6m, 6m, 5m),
        new Packaging(48, 40m, 30m, 20m, 4.5m),
        24,
        7);

    private static (Product Product, PriceVersion Prices) NewProduct()
    {
        var supplier = Supplier.Register(new SupplierId(HubId.KR, 1), CompanyId.Parse("KR-C-000001"),
            new SupplierProfile("Hanbit", "123-45-67890", CountryCode.KR, CurrencyCode.KRW), Now);
        return Product.Create(new ProductId(HubId.KR, 7), supplier, Details(), [new PriceTier(24, 9_000m), new PriceTier(240, 8_000m)], Now);
    }

    [Fact]
    public void Create_IssuesDraftWithFirstPriceVersion()
    {
        var (product, prices) = NewProduct();
        product.Id.ShouldBe("KR-P-000007");
        product.Status.ShouldBe(ProductStatus.Draft);
        product.PriceVersion.ShouldBe(1);
        prices.Version.ShouldBe(1);
        product.ListUnitPrice.ShouldBe(9_000m);
        product.Currency.ShouldBe("KRW");
        product.HsEdition.ShouldBe("HS2022");
    }

    [Fact]
    public void List_Draft_BecomesListed_AndDelistThenRelist()
    {
        var (product, _) = NewProduct();
        product.List(Now);
        product.Status.ShouldBe(ProductStatus.Listed);
        product.ListedAt.ShouldBe(Now);
        product.Delist(Now.AddDays(1));
        product.Status.ShouldBe(ProductStatus.Delisted);
        product.List(Now.AddDays(2));
        product.Status.ShouldBe(ProductStatus.Listed);
    }

    [Fact]
    public void List_AlreadyListed_Throws()
    {
        var (product, _) = NewProduct();
        product.List(Now);
        Should.Throw<CatalogRuleException>(() => product.List(Now));
    }

    [Fact]
    public void Delist_Draft_Throws()
    {
        var (product, _) = NewProduct();
        Should.Throw<CatalogRuleException>(() => product.Delist(Now)).Message.ShouldContain("draft");
        product.Status.ShouldBe(ProductStatus.Draft);
    }

    [Fact]
    public void Describe_Delisted_Throws()
    {
        var (product, _) = NewProduct();
        product.List(Now);
        product.Delist(Now);
        Should.Throw<CatalogRuleException>(() => product.Describe(Details(), Now));
    }

    [Fact]
    public void Describe_NationalLineOfAnotherSubheading_Throws()
    {
        var (product, _) = NewProduct();
        Should.Throw<ArgumentException>(() => product.Describe(Details("330499", new NationalLine("CN", "3304100000")), Now));
    }

    [Fact]
    public void ChangePrices_NewTiers_MakesNextVersion()
    {
        var (product, prices) = NewProduct();
        var next = product.ChangePrices(prices, [new PriceTier(24, 8_500m)], Now.AddHours(1));
        next.ShouldNotBeNull();
        next.Version.ShouldBe(2);
        product.PriceVersion.ShouldBe(2);
        product.ListUnitPrice.ShouldBe(8_500m);
        prices.UnitPriceFor(24).Amount.ShouldBe(9_000m);
    }

    [Fact]
    public void ChangePrices_SameTiers_KeepsVersion()
    {
        var (product, prices) = NewProduct();
        product.ChangePrices(prices, [new PriceTier(240, 8_000m), new PriceTier(24, 9_000m)], Now).ShouldBeNull();
        product.PriceVersion.ShouldBe(1);
    }

    [Fact]
    public void ChangePrices_FromStaleVersion_Throws()
    {
        var (product, prices) = NewProduct();
        product.ChangePrices(prices, [new PriceTier(24, 8_500m)], Now);
        Should.Throw<ArgumentException>(() => product.ChangePrices(prices, [new PriceTier(24, 8_000m)], Now));
    }
}
