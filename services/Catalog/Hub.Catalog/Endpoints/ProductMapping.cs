using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Hub.Contracts.Catalog;
using Hub.Contracts.Values;

namespace Hub.Catalog.Endpoints;

/// <summary>Products to response records and integration events (money on the wire in minor units).</summary>
internal static class ProductMapping
{
    public static ProductResponse ToResponse(Product p, PriceVersion prices, StockItem stock, bool ownerView) => new(
        p.Id,
        p.SupplierId,
        StatusName(p.Status),
        [.. p.Texts.Select(t => new ProductTextDto(t.Language, t.Title, t.Description))],
        p.HsCode,
        p.HsEdition,
        [.. p.NationalLines.Select(l => new NationalLineDto(l.Destination, l.Line))],
        p.Origin,
        new UnitMeasuresDto(p.Unit.NetWeightKg, p.Unit.GrossWeightKg, p.Unit.LengthCm, p.Unit.WidthCm, p.Unit.HeightCm),
        new PackagingDto(p.Packaging.UnitsPerCarton, p.Packaging.CartonLengthCm, p.Packaging.CartonWidthCm, p.Packaging.CartonHeightCm, p.Packaging.CartonGrossWeightKg),
        p.Moq,
        p.LeadTimeDays,
        ToPriceList(prices),
        ownerView
            ? new StockDto(stock.Available, stock.OnHand, stock.Reserved, stock.LowStockThreshold)
            : new StockDto(stock.Available, null, null, null),
        p.CreatedAt,
        p.UpdatedAt,
        p.ListedAt);

    public static PriceListDto ToPriceList(PriceVersion prices) =>
        new(prices.Version, prices.Currency, prices.EffectiveFrom, [.. prices.Tiers.Select(t => new PriceTierDto(t.MinQuantity, t.UnitPrice))]);

    public static string StatusName(ProductStatus status) => status.ToString().ToLowerInvariant();

    public static ProductListed Listed(Product p, DateTime now) => new(
        p.Id, p.SupplierId, p.Hub, p.Title, p.HsCode, p.Origin, p.Moq, p.Currency, Minor(p.ListUnitPrice, p.Currency), p.PriceVersion, now);

    public static ProductUpdated Updated(Product p, DateTime now) => new(p.Id, p.SupplierId, StatusName(p.Status), p.HsCode, p.Moq, now);

    public static PriceChanged PriceChanged(PriceVersion v) => new(
        v.ProductId,
        v.Version,
        v.Currency,
        [.. v.Tiers.Select(t => t.MinQuantity)],
        [.. v.Tiers.Select(t => Minor(t.UnitPrice, v.Currency))],
        v.EffectiveFrom);

    private static long Minor(decimal amount, string currency) => new Money(amount, CurrencyCode.Parse(currency)).ToMinorUnits();
}
