using Hub.Catalog.Data;
using Hub.Catalog.Domain.Products;
using Hub.Contracts.Hs;
using Hub.Contracts.Values;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// Full-text search over every language's title and description (the <c>simple</c> configuration, which neither
/// stems nor drops words, plus CJK bigrams), a trigram substring fallback, filters, sorting and keyset pagination.
/// </summary>
internal static class ProductSearch
{
    private const int MaxQueryLength = 200;
    private static readonly string[] Sorts = ["newest", "price_asc", "price_desc", "moq_asc"];

    public static Dictionary<string, string[]> Validate(SearchQuery query, int maxPageSize, out SearchCursor? cursor)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (query.Q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"At most {MaxQueryLength} characters."];
        }

        if (query.Hs is { } hs && !(HsNomenclature.Hs2022.IsChapter(hs) || HsNomenclature.Hs2022.IsHeading(hs) || HsNomenclature.Hs2022.IsValidSubheading(hs)))
        {
            errors["hs"] = [$"'{hs}' is not an HS2022 chapter (2 digits), heading (4) or subheading (6)."];
        }

        if (query.Origin is { } origin && !CountryCode.TryParse(origin, out _))
        {
            errors["origin"] = [$"'{origin}' is not an ISO 3166-1 alpha-2 country code."];
        }

        if ((query.MinPrice is not null || query.MaxPrice is not null) && !CurrencyCode.TryParse(query.Currency, out _))
        {
            errors["currency"] = ["An ISO 4217 currency is required with a price bound: suppliers price in their own currencies."];
        }

        if (query.MinPrice < 0 || query.MaxPrice < 0 || query.MinPrice > query.MaxPrice)
        {
            errors["minPrice"] = ["Price bounds must be zero or more, and minPrice at most maxPrice."];
        }

        if (query.MaxMoq is <= 0)
        {
            errors["maxMoq"] = ["Must be at least 1."];
        }

        if (query.Sort is { } sort && !Sorts.Contains(sort))
        {
            errors["sort"] = [$"One of {string.Join(", ", Sorts)}."];
        }

        if (query.Limit is { } limit && (limit < 1 || limit > maxPageSize))
        {
            errors["limit"] = [$"Between 1 and {maxPageSize}."];
        }

        if (query.Status is { } status && !Enum.TryParse<ProductStatus>(status, ignoreCase: true, out _))
        {
            errors["status"] = ["One of draft, listed, delisted."];
        }

        if (!SearchCursor.TryDecode(query.Cursor, out cursor) || (cursor is not null && cursor.Sort != (query.Sort ?? Sorts[0])))
        {
            errors["cursor"] = ["Not a cursor of this search; pass back the nextCursor of the previous page with the same sort."];
        }

        return errors;
    }

    /// <summary>Runs a validated query: listed products for buyers, or every product of <paramref name="ownerCompany"/>.</summary>
    public static async Task<ProductPage> RunAsync(CatalogDbContext db, SearchQuery query, SearchCursor? cursor, string? ownerCompany, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (ownerCompany is null)
        {
            products = products.Where(p => p.Status == ProductStatus.Listed);
        }
        else
        {
            products = products.Where(p => p.CompanyId == ownerCompany);
            if (query.Status is { } status)
            {
                var wanted = Enum.Parse<ProductStatus>(status, ignoreCase: true);
                products = products.Where(p => p.Status == wanted);
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            products = await MatchingAsync(db, products, query.Q.Trim(), cancellationToken);
        }

        if (query.Hs is { } hs)
        {
            products = products.Where(p => p.HsCode.StartsWith(hs));
        }

        if (query.Origin is { } originText)
        {
            var origin = CountryCode.Parse(originText).Code;
            products = products.Where(p => p.Origin == origin);
        }

        if (query.MinPrice is not null || query.MaxPrice is not null)
        {
            var currency = CurrencyCode.Parse(query.Currency!).Code;
            products = products.Where(p => p.Currency == currency);
            if (query.MinPrice is { } min)
            {
                products = products.Where(p => p.ListUnitPrice >= min);
            }

            if (query.MaxPrice is { } max)
            {
                products = products.Where(p => p.ListUnitPrice <= max);
            }
        }

        if (query.MaxMoq is { } maxMoq)
        {
            products = products.Where(p => p.Moq <= maxMoq);
        }

        if (query.InStock == true)
        {
            products = products.Where(p => db.StockItems.Any(s => s.ProductId == p.Id && s.OnHand - s.Reserved >= p.Moq));
        }

        var sort = query.Sort ?? Sorts[0];
        products = Page(products, sort, cursor);
        var limit = query.Limit ?? 20;
        var rows = await products
            .Select(p => new
            {
                p.Id,
                p.Number,
                p.SupplierId,
                p.Status,
                Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList(),
                p.HsCode,
                p.Origin,
                p.Moq,
                p.LeadTimeDays,
                p.Currency,
                p.ListUnitPrice,
                p.PriceVersion,
                Available = db.StockItems.Where(s => s.ProductId == p.Id).Select(s => s.OnHand - s.Reserved).FirstOrDefault(),
            })
            .Take(limit + 1)
            .ToListAsync(cancellationToken);

        var items = rows.Take(limit).Select(r =>
        {
            var text = r.Texts.FirstOrDefault(t => string.Equals(t.Language, query.Lang, StringComparison.OrdinalIgnoreCase)) ?? r.Texts.FirstOrDefault();
            return new ProductSummary(r.Id, r.SupplierId, ProductMapping.StatusName(r.Status), text?.Title ?? "", text?.Language ?? "", r.HsCode, r.Origin,
                r.Moq, r.LeadTimeDays, r.Currency, r.ListUnitPrice, r.PriceVersion, r.Available);
        }).ToList();

        string? next = null;
        if (rows.Count > limit)
        {
            var last = rows[limit - 1];
            var key = sort switch
            {
                "price_asc" or "price_desc" => last.ListUnitPrice,
                "moq_asc" => last.Moq,
                _ => 0m,
            };
            next = new SearchCursor(sort, key, last.Number).Encode();
        }

        return new ProductPage(items, next);
    }

    /// <summary>
    /// Word search through the full-text index (CJK runs rewritten into the bigrams the index holds). Only when no
    /// text at all matches by words does a query of three or more characters fall back to a substring search through
    /// the trigram index, e.g. "phone" inside "earphones"; deciding up front keeps every page of one search consistent.
    /// </summary>
    private static async Task<IQueryable<Product>> MatchingAsync(CatalogDbContext db, IQueryable<Product> products, string text, CancellationToken cancellationToken)
    {
        var terms = SearchKeys.Query(text);
        var byWords = await db.Products.AnyAsync(
            p => p.Texts.Any(t => EF.Property<NpgsqlTsVector>(t, ProductConfiguration.SearchVector).Matches(EF.Functions.PlainToTsQuery("simple", terms))),
            cancellationToken);
        if (byWords || text.Length < 3)
        {
            return products.Where(p => p.Texts.Any(t =>
                EF.Property<NpgsqlTsVector>(t, ProductConfiguration.SearchVector).Matches(EF.Functions.PlainToTsQuery("simple", terms))));
        }

        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return products.Where(p => p.Texts.Any(t => EF.Functions.ILike(EF.Property<string>(t, ProductConfiguration.SearchText), pattern, "\\")));
    }

    private static IQueryable<Product> Page(IQueryable<Product> products, string sort, SearchCursor? cursor)
    {
        var key = cursor?.Key ?? 0m;
        var number = cursor?.Number ?? 0L;
        switch (sort)
        {
            case "price_asc":
                if (cursor is not null)
                {
                    products = products.Where(p => p.ListUnitPrice > key || (p.ListUnitPrice == key && p.Number > number));
                }

                return products.OrderBy(p => p.ListUnitPrice).ThenBy(p => p.Number);
            case "price_desc":
                if (cursor is not null)
                {
                    products = products.Where(p => p.ListUnitPrice < key || (p.ListUnitPrice == key && p.Number < number));
                }

                return products.OrderByDescending(p => p.ListUnitPrice).ThenByDescending(p => p.Number);
            case "moq_asc":
                var moq = (int)key;
                if (cursor is not null)
                {
                    products = products.Where(p => p.Moq > moq || (p.Moq == moq && p.Number > number));
                }

                return products.OrderBy(p => p.Moq).ThenBy(p => p.Number);
            default:
                if (cursor is not null)
                {
                    products = products.Where(p => p.Number < number);
                }

                return products.OrderByDescending(p => p.Number);
        }
    }
}
