using Hub.Catalog.Domain.Products;
using Hub.Contracts.Values;

namespace Hub.Catalog.Endpoints;

internal static partial class ProductRequestValidator
{
    private static List<PriceTier> ValidatePrices(PricesDto? prices, int? moq, CurrencyCode supplierCurrency, ValidationErrors errors)
    {
        if (prices?.Tiers is not { Count: > 0 and <= ProductLimits.MaxTiers } tiers)
        {
            errors.Add("prices.tiers", $"Between 1 and {ProductLimits.MaxTiers} price tiers are required.");
            return [];
        }

        if (!CurrencyCode.TryParse(prices.Currency, out var currency))
        {
            errors.Add("prices.currency", $"'{prices.Currency}' is not an ISO 4217 currency code.");
        }
        else if (currency != supplierCurrency)
        {
            errors.Add("prices.currency", $"Prices are in the supplier's currency, {supplierCurrency.Code}.");
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] is null)
            {
                errors.Add($"prices.tiers[{i}]", "A quantity break with its unit price is required.");
                continue;
            }

            if (Whole($"prices.tiers[{i}].minQuantity", tiers[i].MinQuantity, 1, MaxMoq, errors) is not null
                && i > 0 && tiers[i - 1] is { } previous && tiers[i].MinQuantity <= previous.MinQuantity)
            {
                errors.Add($"prices.tiers[{i}].minQuantity", "Quantity breaks must be strictly ascending.");
            }

            if (tiers[i].UnitPrice is not { } unitPrice)
            {
                errors.Add($"prices.tiers[{i}].unitPrice", $"prices.tiers[{i}].unitPrice is required: a price greater than 0 and at most {MaxUnitPrice}.");
            }
            else if (unitPrice is <= 0 or > MaxUnitPrice)
            {
                errors.Add($"prices.tiers[{i}].unitPrice", $"Must be greater than 0 and at most {MaxUnitPrice}.");
            }
            else if (!new Money(unitPrice, supplierCurrency).IsRounded)
            {
                errors.Add($"prices.tiers[{i}].unitPrice", $"{supplierCurrency.Code} allows {supplierCurrency.MinorUnits} decimal place(s).");
            }
        }

        if (moq > 0 && tiers[0] is { } first && first.MinQuantity > moq)
        {
            errors.Add("prices.tiers[0].minQuantity", "The first quantity break cannot exceed the MOQ, or the MOQ would have no price.");
        }

        return [.. tiers.OfType<PriceTierDto>().Select(t => new PriceTier(t.MinQuantity ?? 0, t.UnitPrice ?? 0))];
    }
}
