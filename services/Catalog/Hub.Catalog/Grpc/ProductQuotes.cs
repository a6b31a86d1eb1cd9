using System.Globalization;
using Grpc.Core;
using Hub.Catalog.Data;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.V1;
using Hub.Contracts.Values;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Grpc;

/// <summary>
/// Prices products for an order: the tier that applies to each quantity, from the asked or current price version.
/// A product never listed is not found: no order can name it, and its supplier has not published it to anyone.
/// </summary>
internal sealed class ProductQuotes(CatalogDbContext db)
{
    public async Task<List<ProductQuote>> QuoteAsync(IReadOnlyList<(ProductId Id, int Quantity, int Version)> asked, CancellationToken cancellationToken)
    {
        var ids = asked.Select(a => a.Id.ToString()).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status != ProductStatus.Draft).ToDictionaryAsync(p => p.Id, cancellationToken);
        var stock = await db.StockItems.AsNoTracking().Where(s => ids.Contains(s.ProductId)).ToDictionaryAsync(s => s.ProductId, cancellationToken);
        var supplierIds = products.Values.Select(p => p.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new { s.Id, s.CompanyId, s.Name }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var versionNumbers = asked.Select(a => a.Version)
            .Concat(products.Values.Select(p => p.PriceVersion)).Where(v => v > 0).Distinct().ToList();
        var versions = (await db.PriceVersions.AsNoTracking()
                .Where(v => ids.Contains(v.ProductId) && versionNumbers.Contains(v.Version))
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.ProductId, v.Version));

        return [.. asked.Select((a, index) =>
        {
            var id = a.Id.ToString();
            if (!products.TryGetValue(id, out var product))
            {
                return new ProductQuote { ProductId = id, Found = false, Quantity = a.Quantity };
            }

            var version = a.Version == 0 ? product.PriceVersion : a.Version;
            var prices = versions.GetValueOrDefault((id, version))
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"Product {id} has no price version {version}."));
            var supplier = suppliers.GetValueOrDefault(product.SupplierId);
            var unitPrice = prices.UnitPriceFor(a.Quantity);
            var lineTotal = prices.LineTotalFor(a.Quantity) ?? throw LineTooLarge(index, id, a.Quantity, unitPrice);
            var quote = new ProductQuote
            {
                ProductId = id,
                Found = true,
                Status = product.Status.ToString().ToLowerInvariant(),
                SupplierId = product.SupplierId,
                SupplierCompany = supplier?.CompanyId ?? "",
                SupplierName = supplier?.Name ?? "",
                Title = product.Title,
                HsCode = product.HsCode,
                Origin = product.Origin,
                Moq = product.Moq,
                MeetsMoq = a.Quantity >= product.Moq,
                Quantity = a.Quantity,
                Currency = prices.Currency,
                UnitPriceMinor = unitPrice.ToMinorUnits(),
                LineTotalMinor = lineTotal.ToMinorUnits(),
                PriceVersion = prices.Version,
                LeadTimeDays = product.LeadTimeDays,
                Available = stock.TryGetValue(id, out var item) ? item.Available : 0,
                UnitNetWeightKg = (double)product.Unit.NetWeightKg,
                UnitGrossWeightKg = (double)product.Unit.GrossWeightKg,
                UnitLengthCm = (double)product.Unit.LengthCm,
                UnitWidthCm = (double)product.Unit.WidthCm,
                UnitHeightCm = (double)product.Unit.HeightCm,
                UnitsPerCarton = product.Packaging.UnitsPerCarton,
                CartonLengthCm = (double)product.Packaging.CartonLengthCm,
                CartonWidthCm = (double)product.Packaging.CartonWidthCm,
                CartonHeightCm = (double)product.Packaging.CartonHeightCm,
                CartonGrossWeightKg = (double)product.Packaging.CartonGrossWeightKg,
            };
            foreach (var line in product.NationalLines)
            {
                quote.NationalLines[line.Destination] = line.Line;
            }

            return quote;
        })];
    }

    // The caller learns which item is too large from the "item" trailer (its index), so it can name its own line.
    private static RpcException LineTooLarge(int index, string id, int quantity, Money unitPrice)
    {
        var most = Money.FromMinorUnits(PriceVersion.MaxLineTotalMinorUnits, unitPrice.Currency);
        return new RpcException(
            new Status(StatusCode.OutOfRange, $"items[{index}].quantity: {quantity} units of product {id} at {unitPrice} come to more than one order line may ({most})."),
            new Metadata { { "item", index.ToString(CultureInfo.InvariantCulture) } });
    }
}
