using System.Text.RegularExpressions;
using Hub.Catalog.Domain.Products;
using Hub.Contracts.Values;

namespace Hub.Catalog.Endpoints;

/// <summary>Checks a product request field by field and turns it into domain values; errors are keyed by JSON path.</summary>
internal static partial class ProductRequestValidator
{
    private const decimal MaxMeasure = 100_000m;
    private const decimal MaxUnitPrice = 1_000_000_000_000m;
    private const int MaxMoq = 10_000_000;
    private const int MaxLeadTimeDays = 365;
    private const int MaxStock = 1_000_000_000;

    public static Dictionary<string, string[]> Validate(ProductRequest request, CurrencyCode supplierCurrency, out ProductDetails? details, out List<PriceTier> tiers)
    {
        var errors = new Errors();
        var texts = ValidateTexts(request.Texts, errors);
        HsCode? hs = null;
        if (string.IsNullOrWhiteSpace(request.HsCode))
        {
            errors.Add("hsCode", "An HS2022 subheading (6 digits) is required.");
        }
        else if (!HsCode.TryParse(request.HsCode, out var parsed) || parsed.NationalLine is not null)
        {
            errors.Add("hsCode", $"'{request.HsCode}' is not an HS2022 subheading (6 digits that exist in the nomenclature).");
        }
        else
        {
            hs = parsed;
        }

        var lines = ValidateNationalLines(request.NationalLines, hs, errors);
        var origin = CountryCode.TryParse(request.Origin, out var country) ? country : default;
        if (origin == default)
        {
            errors.Add("origin", $"'{request.Origin}' is not an ISO 3166-1 alpha-2 country code.");
        }

        var unit = ValidateUnit(request.Unit, errors);
        var packaging = ValidatePackaging(request.Packaging, unit, errors);
        if (request.Moq is <= 0 or > MaxMoq)
        {
            errors.Add("moq", $"Must be between 1 and {MaxMoq}.");
        }

        if (request.LeadTimeDays is < 0 or > MaxLeadTimeDays)
        {
            errors.Add("leadTimeDays", $"Must be between 0 and {MaxLeadTimeDays}.");
        }

        tiers = ValidatePrices(request.Prices, request.Moq, supplierCurrency, errors);
        if (request.StockOnHand is < 0 or > MaxStock)
        {
            errors.Add("stockOnHand", $"Must be between 0 and {MaxStock}.");
        }

        if (request.LowStockThreshold is < 0 or > MaxStock)
        {
            errors.Add("lowStockThreshold", $"Must be between 0 and {MaxStock}.");
        }

        details = errors.Count == 0
            ? new ProductDetails(texts, hs!.Value, lines, origin, unit!, packaging!, request.Moq, request.LeadTimeDays)
            : null;
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> ValidateStock(StockRequest request)
    {
        var errors = new Errors();
        if (request.OnHand is < 0 or > MaxStock)
        {
            errors.Add("onHand", $"Must be between 0 and {MaxStock}.");
        }

        if (request.LowStockThreshold is < 0 or > MaxStock)
        {
            errors.Add("lowStockThreshold", $"Must be between 0 and {MaxStock}.");
        }

        return errors.ToDictionary();
    }

    private static List<ProductText> ValidateTexts(IReadOnlyList<ProductTextDto>? texts, Errors errors)
    {
        if (texts is not { Count: > 0 and <= ProductLimits.MaxTexts })
        {
            errors.Add("texts", $"Between 1 and {ProductLimits.MaxTexts} texts (one per language) are required.");
            return [];
        }

        var result = new List<ProductText>();
        for (var i = 0; i < texts.Count; i++)
        {
            var (language, title, description) = (texts[i].Language?.Trim(), texts[i].Title?.Trim(), texts[i].Description?.Trim() ?? "");
            if (language is null || !LanguageTag().IsMatch(language))
            {
                errors.Add($"texts[{i}].language", $"'{language}' is not a language tag such as ko, zh, ms, en.");
            }
            else if (result.Any(t => t.Language.Equals(language, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"texts[{i}].language", $"Language '{language}' appears twice.");
            }

            if (string.IsNullOrEmpty(title) || title.Length > ProductLimits.TitleLength)
            {
                errors.Add($"texts[{i}].title", $"A title of 1 to {ProductLimits.TitleLength} characters is required.");
            }

            if (description.Length > ProductLimits.DescriptionLength)
            {
                errors.Add($"texts[{i}].description", $"At most {ProductLimits.DescriptionLength} characters.");
            }

            result.Add(new ProductText(language ?? "", title ?? "", description));
        }

        return result;
    }

    private static List<NationalLine> ValidateNationalLines(IReadOnlyList<NationalLineDto>? lines, HsCode? hs, Errors errors)
    {
        var result = new List<NationalLine>();
        if (lines is null)
        {
            return result;
        }

        if (lines.Count > ProductLimits.MaxNationalLines)
        {
            errors.Add("nationalLines", $"At most {ProductLimits.MaxNationalLines} national lines.");
            return result;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (!CountryCode.TryParse(lines[i].Destination, out var destination))
            {
                errors.Add($"nationalLines[{i}].destination", $"'{lines[i].Destination}' is not an ISO 3166-1 alpha-2 country code.");
            }
            else if (result.Any(l => l.Destination == destination.Code))
            {
                errors.Add($"nationalLines[{i}].destination", $"Destination {destination.Code} appears twice.");
            }

            if (!HsCode.TryParse(lines[i].Line, out var line) || line.NationalLine is null)
            {
                errors.Add($"nationalLines[{i}].line", $"'{lines[i].Line}' is not a national tariff line of 8 to 13 digits.");
            }
            else if (hs is { } parent && line.Subheading != parent.Subheading)
            {
                errors.Add($"nationalLines[{i}].line", $"'{lines[i].Line}' does not extend the product's subheading {parent.Subheading}.");
            }

            result.Add(new NationalLine(destination.ToString(), line.ToString()));
        }

        return result;
    }

    private static UnitMeasures? ValidateUnit(UnitMeasuresDto? unit, Errors errors)
    {
        if (unit is null)
        {
            errors.Add("unit", "Unit weights and dimensions are required.");
            return null;
        }

        Positive("unit.netWeightKg", unit.NetWeightKg, errors);
        Positive("unit.grossWeightKg", unit.GrossWeightKg, errors);
        Positive("unit.lengthCm", unit.LengthCm, errors);
        Positive("unit.widthCm", unit.WidthCm, errors);
        Positive("unit.heightCm", unit.HeightCm, errors);
        if (unit.GrossWeightKg < unit.NetWeightKg)
        {
            errors.Add("unit.grossWeightKg", "The gross weight cannot be below the net weight.");
        }

        return new UnitMeasures(unit.NetWeightKg, unit.GrossWeightKg, unit.LengthCm, unit.WidthCm, unit.HeightCm);
    }

    private static Packaging? ValidatePackaging(PackagingDto? packaging, UnitMeasures? unit, Errors errors)
    {
        if (packaging is null)
        {
            errors.Add("packaging", "Carton packaging is required.");
            return null;
        }

        if (packaging.UnitsPerCarton is <= 0 or > MaxMoq)
        {
            errors.Add("packaging.unitsPerCarton", $"Must be between 1 and {MaxMoq}.");
        }

        Positive("packaging.cartonLengthCm", packaging.CartonLengthCm, errors);
        Positive("packaging.cartonWidthCm", packaging.CartonWidthCm, errors);
        Positive("packaging.cartonHeightCm", packaging.CartonHeightCm, errors);
        Positive("packaging.cartonGrossWeightKg", packaging.CartonGrossWeightKg, errors);
        if (unit is not null && packaging.UnitsPerCarton > 0 && packaging.CartonGrossWeightKg < unit.NetWeightKg * packaging.UnitsPerCarton)
        {
            errors.Add("packaging.cartonGrossWeightKg", "A carton cannot weigh less than the net weight of the units it holds.");
        }

        return new Packaging(packaging.UnitsPerCarton, packaging.CartonLengthCm, packaging.CartonWidthCm, packaging.CartonHeightCm, packaging.CartonGrossWeightKg);
    }

    private static List<PriceTier> ValidatePrices(PricesDto? prices, int moq, CurrencyCode supplierCurrency, Errors errors)
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
            if (tiers[i].MinQuantity is <= 0 or > MaxMoq)
            {
                errors.Add($"prices.tiers[{i}].minQuantity", $"Must be between 1 and {MaxMoq}.");
            }
            else if (i > 0 && tiers[i].MinQuantity <= tiers[i - 1].MinQuantity)
            {
                errors.Add($"prices.tiers[{i}].minQuantity", "Quantity breaks must be strictly ascending.");
            }

            if (tiers[i].UnitPrice is <= 0 or > MaxUnitPrice)
            {
                errors.Add($"prices.tiers[{i}].unitPrice", "Must be positive.");
            }
            else if (!new Money(tiers[i].UnitPrice, supplierCurrency).IsRounded)
            {
                errors.Add($"prices.tiers[{i}].unitPrice", $"{supplierCurrency.Code} allows {supplierCurrency.MinorUnits} decimal place(s).");
            }
        }

        if (moq > 0 && tiers[0].MinQuantity > moq)
        {
            errors.Add("prices.tiers[0].minQuantity", "The first quantity break cannot exceed the MOQ, or the MOQ would have no price.");
        }

        return [.. tiers.Select(t => new PriceTier(t.MinQuantity, t.UnitPrice))];
    }

    private static void Positive(string field, decimal value, Errors errors)
    {
        if (value is <= 0 or > MaxMeasure)
        {
            errors.Add(field, $"Must be greater than 0 and at most {MaxMeasure}.");
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    private static partial Regex LanguageTag();

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public int Count => _errors.Count;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }

            messages.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
