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
        var errors = new ValidationErrors();
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
        var moq = Whole("moq", request.Moq, 1, MaxMoq, errors);
        var leadTimeDays = Whole("leadTimeDays", request.LeadTimeDays, 0, MaxLeadTimeDays, errors);
        tiers = ValidatePrices(request.Prices, moq, supplierCurrency, errors);
        if (request.StockOnHand is < 0 or > MaxStock)
        {
            errors.Add("stockOnHand", $"Must be between 0 and {MaxStock}.");
        }

        if (request.LowStockThreshold is < 0 or > MaxStock)
        {
            errors.Add("lowStockThreshold", $"Must be between 0 and {MaxStock}.");
        }

        details = errors.Count == 0
            ? new ProductDetails(texts, hs!.Value, lines, origin, unit!, packaging!, moq!.Value, leadTimeDays!.Value)
            : null;
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> ValidateStock(StockRequest request)
    {
        var errors = new ValidationErrors();
        Whole("onHand", request.OnHand, 0, MaxStock, errors);
        if (request.LowStockThreshold is < 0 or > MaxStock)
        {
            errors.Add("lowStockThreshold", $"Must be between 0 and {MaxStock}.");
        }

        return errors.ToDictionary();
    }

    private static List<ProductText> ValidateTexts(IReadOnlyList<ProductTextDto>? texts, ValidationErrors errors)
    {
        if (texts is not { Count: > 0 and <= ProductLimits.MaxTexts })
        {
            errors.Add("texts", $"Between 1 and {ProductLimits.MaxTexts} texts (one per language) are required.");
            return [];
        }

        var result = new List<ProductText>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                errors.Add($"texts[{i}]", "A text with a language and a title is required.");
                continue;
            }

            var (language, title, description) = (texts[i].Language?.Trim(), texts[i].Title?.Trim(), texts[i].Description?.Trim() ?? "");
            if (language is null || language.Length > ProductLimits.LanguageLength || !LanguageTag().IsMatch(language))
            {
                errors.Add($"texts[{i}].language", $"'{language}' is not a language tag such as ko, zh, ms, en (at most {ProductLimits.LanguageLength} characters).");
            }
            else if (result.Any(t => t.Language.Equals(language, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"texts[{i}].language", $"Language '{language}' appears twice.");
            }

            if (string.IsNullOrEmpty(title) || title.Length > ProductLimits.TitleLength)
            {
                errors.Add($"texts[{i}].title", $"A title of 1 to {ProductLimits.TitleLength} characters is required.");
            }
            else if (PlainText.HasControlCharacters(title))
            {
                errors.Add($"texts[{i}].title", "A title is one line without control characters.");
            }

            if (description.Length > ProductLimits.DescriptionLength)
            {
                errors.Add($"texts[{i}].description", $"At most {ProductLimits.DescriptionLength} characters.");
            }
            else if (PlainText.HasControlCharacters(description, multiline: true))
            {
                errors.Add($"texts[{i}].description", "Control characters other than tabs and line breaks are not allowed.");
            }

            result.Add(new ProductText(language ?? "", title ?? "", description));
        }

        return result;
    }

    private static List<NationalLine> ValidateNationalLines(IReadOnlyList<NationalLineDto>? lines, HsCode? hs, ValidationErrors errors)
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
            if (lines[i] is null)
            {
                errors.Add($"nationalLines[{i}]", "A destination and its national line are required.");
                continue;
            }

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

    // A number the request must carry: absent (null) is refused, never read as 0. Null unless it is present and in range.
    private static int? Whole(string field, int? value, int min, int max, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required: a whole number from {min} to {max}.");
        }
        else if (value < min || value > max)
        {
            errors.Add(field, $"Must be between {min} and {max}.");
        }
        else
        {
            return value;
        }

        return null;
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    private static partial Regex LanguageTag();
}
