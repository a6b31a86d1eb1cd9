using Hub.Catalog.Data;
using Hub.Catalog.Domain.Products;
using Hub.Contracts.Hs;
using Hub.Contracts.Values;
using System.Data.Common;
using Hub.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// Full-text search over every language's title and description (the <c>simple</c> configuration, which neither
/// stems nor drops words, plus CJK bigrams), a trigram substring fallback, filters, sorting and keyset pagination.
/// </summary>
internal static class ProductSearch
{
    private const int MaxQueryLength = 200;

    /// <summary>Products in a page when the query names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 20;
    private static readonly string[] Sorts = ["newest", "price_asc", "price_desc", "moq_asc"];

    public static Dictionary<string, string[]> Validate(SearchQuery query, int maxPageSize, out SearchCursor? cursor)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (query.Q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"At most {MaxQueryLength} characters."];
        }
        else if (PlainText.HasControlCharacters(query.Q, multiline: true))
        {
            errors["q"] = ["Control characters other than tabs and line breaks are not allowed."];
        }

        if (PlainText.HasControlCharacters(query.Lang))
        {
            errors["lang"] = ["A language tag such as ko, zh, ms, en; control characters are not allowed."];
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

        if (!RequestValues.TryPageSize(query.Limit, DefaultPageSize, maxPageSize, out _))
        {
            errors["limit"] = [RequestValues.PageSizeRule(maxPageSize)];
        }

        if (query.Status is { } status && !RequestValues.TryParseName<ProductStatus>(status, out _))
        {
            errors["status"] = ["One of draft, listed, delisted."];
        }

        if (!SearchCursor.TryDecode(query.Cursor, out cursor) || (cursor is not null && (cursor.Sort != (query.Sort ?? Sorts[0]) || !cursor.HasKeyOfItsSort)))
        {
            errors["cursor"] = ["Not a cursor of this search; pass back the nextCursor of the previous page with the same sort."];
        }

        return errors;
    }

    /// <summary>Runs a validated query: listed products for buyers, or every product of <paramref name="ownerCompany"/>.</summary>
    public static async Task<ProductPage> RunAsync(CatalogDbContext db, SearchQuery query, SearchCursor? cursor, string? ownerCompany, CatalogOptions options, CancellationToken cancellationToken)
    {
        var sort = query.Sort ?? Sorts[0];
        var limit = query.Limit ?? DefaultPageSize;
        var walk = sort == Sorts[0] ? options.SearchWalkNewest : options.SearchWalkSorted;
        SearchSql Filtered() => Filter(new SearchSql(sort, limit + 1, query.Lang), query, cursor, ownerCompany);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            List<(ProductSummary Summary, long Number)> rows;
            if (string.IsNullOrWhiteSpace(query.Q))
            {
                var sql = Filtered();
                rows = await sql.ReadAsync(connection, sql.Plain(), cancellationToken);
            }
            else
            {
                rows = await MatchingAsync(connection, Filtered, query.Q.Trim(), walk, cancellationToken);
            }

            return ToPage(rows, sort, limit);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Word search through the full-text index (CJK runs rewritten into the bigrams the index holds). Only when no
    /// text at all matches by words does a query of three or more characters fall back to a substring search through
    /// the trigram index, e.g. "phone" inside "earphones"; deciding the same way for every page keeps the pages of one
    /// search consistent. The check that no text matches only runs when the word search found nothing.
    /// </summary>
    private static async Task<List<(ProductSummary Summary, long Number)>> MatchingAsync(
        DbConnection connection, Func<SearchSql> filtered, string text, int walk, CancellationToken cancellationToken)
    {
        var terms = SearchKeys.Query(text);
        var words = filtered().With("terms", terms);
        var rows = await words.ReadAsync(connection, words.Words(a => $"{a}.search_vector @@ plainto_tsquery('simple', @terms)", walk), cancellationToken);
        if (rows.Count > 0 || text.Length < 3)
        {
            return rows;
        }

        await using (var anyWord = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM products WHERE search_vector @@ plainto_tsquery('simple', @terms))", (NpgsqlConnection)connection))
        {
            anyWord.Parameters.AddWithValue("terms", terms);
            if ((bool)(await anyWord.ExecuteScalarAsync(cancellationToken))!)
            {
                return rows;
            }
        }

        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var substrings = filtered().Where("p.search_text ILIKE @pattern ESCAPE '\\'", ("pattern", pattern));
        return await substrings.ReadAsync(connection, substrings.Plain(), cancellationToken);
    }

    private static SearchSql Filter(SearchSql sql, SearchQuery query, SearchCursor? cursor, string? ownerCompany)
    {
        if (ownerCompany is null)
        {
            sql.Within("p.status = 'Listed'");
        }
        else
        {
            sql.Within("p.company_id = @company", ("company", ownerCompany));
            // Read the way Validate checked it: by name only.
            if (RequestValues.TryParseName<ProductStatus>(query.Status, out var status))
            {
                sql.Within("p.status = @status", ("status", status.ToString()));
            }
        }

        if (query.Hs is { } hs)
        {
            sql.Where("p.hs_code LIKE @hs", ("hs", hs + "%"));
        }

        if (query.Origin is { } origin)
        {
            sql.Where("p.origin = @origin", ("origin", CountryCode.Parse(origin).Code));
        }

        if (query.MinPrice is not null || query.MaxPrice is not null)
        {
            // A price sort walks the currency's price index from the range's start.
            var bound = sql.Sort is "price_asc" or "price_desc";
            sql.Where("p.currency = @currency", bound, ("currency", CurrencyCode.Parse(query.Currency!).Code));
            if (query.MinPrice is { } min)
            {
                sql.Where("p.list_unit_price >= @minPrice", bound, ("minPrice", min));
            }

            if (query.MaxPrice is { } max)
            {
                sql.Where("p.list_unit_price <= @maxPrice", bound, ("maxPrice", max));
            }
        }

        if (query.MaxMoq is { } maxMoq)
        {
            sql.Where("p.moq <= @maxMoq", ("maxMoq", maxMoq));
        }

        if (query.InStock == true)
        {
            sql.RequireStock();
        }

        if (cursor is not null)
        {
            var key = ("key", (object)cursor.Key);
            var number = ("number", (object)cursor.Number);
            switch (sql.Sort)
            {
                case "price_asc":
                    sql.Within("(p.list_unit_price, p.number) > (@key, @number)", key, number);
                    break;
                case "price_desc":
                    sql.Within("(p.list_unit_price, p.number) < (@key, @number)", key, number);
                    break;
                case "moq_asc":
                    sql.Within("(p.moq, p.number) > (@key, @number)", ("key", (int)cursor.Key), number);
                    break;
                default:
                    sql.Within("p.number < @number", number);
                    break;
            }
        }

        return sql;
    }

    private static ProductPage ToPage(List<(ProductSummary Summary, long Number)> rows, string sort, int limit)
    {
        string? next = null;
        if (rows.Count > limit)
        {
            var (last, number) = rows[limit - 1];
            var key = sort switch
            {
                "price_asc" or "price_desc" => last.ListUnitPrice,
                "moq_asc" => last.Moq,
                _ => 0m,
            };
            next = new SearchCursor(sort, key, number).Encode();
        }

        return new ProductPage([.. rows.Take(limit).Select(r => r.Summary)], next);
    }
}
