using System.Data.Common;
using Npgsql;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// The SQL of one search page, built from its filters, and read straight into summaries: one statement, one round
/// trip, the preferred title and the available stock picked by the database for the page's rows only.
/// </summary>
internal sealed class SearchSql
{
    // The summary's columns of products, in the order the reader reads them.
    private static readonly string[] Columns =
        ["id", "number", "supplier_id", "status", "hs_code", "origin", "moq", "lead_time_days", "currency", "list_unit_price", "price_version"];

    private readonly List<string> _conditions = [];
    private readonly List<string> _window = [];
    private readonly List<NpgsqlParameter> _parameters = [];
    private bool _inStock;

    public SearchSql(string sort, int take, string? language)
    {
        Sort = sort;
        Add("take", take);
        Add("lang", (object?)language ?? DBNull.Value);
    }

    public string Sort { get; }

    /// <summary>Adds a condition on products <c>p</c>.</summary>
    public SearchSql Where(string condition, params (string Name, object Value)[] parameters)
    {
        _conditions.Add(condition);
        foreach (var (name, value) in parameters)
        {
            Add(name, value);
        }

        return this;
    }

    /// <summary>
    /// Adds a condition that also bounds the walk of a word search (see <see cref="Words"/>): one an index in the page's
    /// sort order can start from (listed or the owner's, the currency and price range of a price sort, the cursor).
    /// </summary>
    public SearchSql Within(string condition, params (string Name, object Value)[] parameters)
    {
        _window.Add(condition);
        return Where(condition, parameters);
    }

    /// <summary><see cref="Within"/> when <paramref name="bounding"/>, else a plain condition.</summary>
    public SearchSql Where(string condition, bool bounding, params (string Name, object Value)[] parameters) =>
        bounding ? Within(condition, parameters) : Where(condition, parameters);

    /// <summary>Keeps only products with at least their MOQ available (on hand minus reserved).</summary>
    public SearchSql RequireStock()
    {
        _inStock = true;
        return this;
    }

    /// <summary>Products matching the conditions, first in the sort order.</summary>
    public string Plain() => $"""
        WITH found AS (
            SELECT {Select("p")} FROM products p {StockJoin()} WHERE {string.Join(" AND ", _conditions)} ORDER BY {Order("p")} LIMIT @take
        )
        {Page()}
        """;

    /// <summary>
    /// Products whose words match <paramref name="match"/> (a condition on the alias it is given), first in the sort order. Common
    /// words are found fastest by walking the first <c>@walk</c> products in sort order (within the <see cref="Within"/>
    /// conditions) and keeping those that pass the other filters and match; rare ones through the full-text index, then
    /// sorted. The walk is a prefix of the sort order, so a page it fills is the page; only when it fills none does the
    /// index lookup run. Its cost is bounded by the rows walked, however few of them a selective filter keeps. The
    /// index lookup checks the stock of its matches in sort order, only until the page is full, not of every match.
    /// </summary>
    public string Words(Func<string, string> match, int walk)
    {
        Add("walk", walk);
        var where = string.Join(" AND ", _conditions);
        var window = _window.Count == 0 ? "true" : string.Join(" AND ", _window);
        var inStock = _inStock ? $"AND EXISTS (SELECT 1 FROM product_stock s WHERE s.product_id = r.id AND {Available("r")})" : "";
        return $"""
            WITH walk AS (
                SELECT {Select("r")} FROM (
                    SELECT {Select("p")}, p.search_vector FROM (
                        SELECT * FROM products p WHERE {window} ORDER BY {Order("p")} LIMIT @walk
                    ) p {StockJoin()} WHERE {where}
                ) r WHERE {match("r")} ORDER BY {Order("r")} LIMIT @take
            ), matched AS MATERIALIZED (
                SELECT {Select("p")} FROM products p WHERE {where} AND {match("p")}
            ), found AS (
                SELECT * FROM walk WHERE (SELECT count(*) FROM walk) = @take
                UNION ALL
                (SELECT * FROM (SELECT * FROM matched r ORDER BY {Order("r")} OFFSET 0) r
                 WHERE (SELECT count(*) FROM walk) < @take {inStock} ORDER BY {Order("r")} LIMIT @take)
            )
            {Page()}
            """;
    }

    public SearchSql With(string name, object value)
    {
        Add(name, value);
        return this;
    }

    /// <summary>Runs <paramref name="sql"/> (<see cref="Plain"/> or <see cref="Words"/>): the page's summaries with their product numbers.</summary>
    public async Task<List<(ProductSummary Summary, long Number)>> ReadAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
        command.Parameters.AddRange(_parameters.ToArray());
        var rows = new List<(ProductSummary, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var summary = new ProductSummary(
                Id: reader.GetString(0),
                SupplierId: reader.GetString(2),
                Status: reader.GetString(3).ToLowerInvariant(),
                Title: reader.IsDBNull(12) ? "" : reader.GetString(12),
                Language: reader.IsDBNull(13) ? "" : reader.GetString(13),
                HsCode: reader.GetString(4),
                Origin: reader.GetString(5),
                Moq: reader.GetInt32(6),
                LeadTimeDays: reader.GetInt32(7),
                Currency: reader.GetString(8),
                ListUnitPrice: reader.GetDecimal(9),
                PriceVersion: reader.GetInt32(10),
                Available: reader.GetInt32(11));
            rows.Add((summary, reader.GetInt64(1)));
        }

        return rows;
    }

    private string Page() => $"""
        SELECT {Select("r")}, coalesce(st.on_hand - st.reserved, 0), tt.title, tt.language
        FROM found r
        LEFT JOIN product_stock st ON st.product_id = r.id
        LEFT JOIN LATERAL (
            SELECT t.title, t.language FROM product_texts t WHERE t.product_id = r.id
            ORDER BY coalesce(lower(t.language) = lower(@lang), false) DESC, t.id LIMIT 1
        ) tt ON true
        ORDER BY {Order("r")}
        """;

    private string StockJoin() => _inStock ? $"JOIN product_stock s ON s.product_id = p.id AND {Available("p")}" : "";

    private static string Available(string alias) => $"s.on_hand - s.reserved >= {alias}.moq";

    private string Order(string alias) => Sort switch
    {
        "price_asc" => $"{alias}.list_unit_price, {alias}.number",
        "price_desc" => $"{alias}.list_unit_price DESC, {alias}.number DESC",
        "moq_asc" => $"{alias}.moq, {alias}.number",
        _ => $"{alias}.number DESC",
    };

    private static string Select(string alias) => string.Join(", ", Columns.Select(c => $"{alias}.{c}"));

    private void Add(string name, object value) => _parameters.Add(new NpgsqlParameter(name, value));
}
