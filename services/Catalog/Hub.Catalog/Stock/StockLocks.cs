using System.Data.Common;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Hub.ServiceDefaults.Data;
using Npgsql;

namespace Hub.Catalog.Stock;

/// <summary>A product's stock row, locked for the caller's transaction, with what a reservation checks of the listing.</summary>
internal sealed record LockedStock(StockItem Item, ProductStatus Status, string SupplierId);

/// <summary>What a group of orders found once its locks were held.</summary>
internal sealed record LockedState(IReadOnlyDictionary<string, LockedStock> Stock, IReadOnlySet<string> KnownOrders);

/// <summary>
/// Begins a group of reservations' transaction and takes its locks, in one round trip to PostgreSQL, always in the same
/// order so that concurrent groups, releases and commits never deadlock: first the orders' advisory locks
/// sorted by key (repeats of an order serialize and see its first outcome), then the products' stock rows sorted by
/// product id. Then, in a statement of its own and so in a snapshot taken after the locks, which of the orders already
/// have a reservation. Or, for a group expected to be reserved in full, the same locks with that expectation checked
/// in place of the reads (<see cref="BeginExpecting"/>).
/// </summary>
internal static class StockLocks
{
    // The subquery sorts before the aggregate calls the lock function; OFFSET 0 keeps the planner from merging the two.
    private const string LockOrdersSql = """
        SELECT count(pg_advisory_xact_lock(k))
        FROM (SELECT hashtextextended(o, 0) AS k FROM unnest(@orders::text[]) AS o ORDER BY 1 OFFSET 0) AS sorted
        """;

    private const string LockStockSql = """
        SELECT s.product_id, s.on_hand, s.reserved, s.low_stock_threshold, s.updated_at, p.status, p.supplier_id
        FROM product_stock s JOIN products p ON p.id = s.product_id
        WHERE s.product_id = ANY(@products)
        ORDER BY s.product_id
        FOR UPDATE OF s
        """;

    private const string KnownOrdersSql = "SELECT order_id FROM stock_reservations WHERE order_id = ANY(@orders)";

    // The same row locks in the same order as LockStockSql; a group fits when every product exists, is listed, has the
    // units and stays on the side of its low-stock threshold it was on (crossing it raises StockLow, a decision). The
    // stock row says whether its product is listed (the StockListedFlag migration), so the products stay unread.
    private const string ExpectStockSql = """
        SELECT catalog_expect(count(*) = cardinality(@products) AND coalesce(bool_and(fits), false), 'the group does not fit the stock as it is')
        FROM (
            SELECT s.listed
                AND s.on_hand - s.reserved >= w.quantity
                AND (s.on_hand - s.reserved < s.low_stock_threshold OR s.on_hand - s.reserved - w.quantity >= s.low_stock_threshold) AS fits
            FROM product_stock s
            JOIN unnest(@products::text[], @quantities::int[]) AS w(product_id, quantity) ON w.product_id = s.product_id
            ORDER BY s.product_id
            FOR UPDATE OF s
        ) AS locked
        """;

    /// <summary>The SQLSTATE with which <c>catalog_expect</c> fails a statement (see the ReservationExpectation migration).</summary>
    public const string ExpectationFailed = "HUB01";

    /// <summary>The result sets <see cref="BeginExpecting"/>'s statements return, ahead of the statements after them.</summary>
    public const int ExpectingResults = 2;

    /// <summary>
    /// Begins the group's transaction on <paramref name="connection"/> (<see cref="BatchTransaction"/>; the group's
    /// writes commit it, see <see cref="StockWrites"/>) and takes the group's locks. Every statement of the transaction
    /// finds its rows by key, so each is planned once per connection (with the product join, planning was a third of
    /// PostgreSQL's time per group: it weighs every index of products, full-text ones included).
    /// </summary>
    public static async Task<LockedState> BeginAsync(NpgsqlConnection connection, string[] orderIds, string[] productIds, CancellationToken cancellationToken)
    {
        await using var batch = BatchTransaction.Batch(connection,
        [
            .. Begin(orderIds),
            new NpgsqlBatchCommand(LockStockSql) { Parameters = { new("products", productIds) } },
            new NpgsqlBatchCommand(KnownOrdersSql) { Parameters = { new("orders", orderIds) } },
        ]);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var stock = new Dictionary<string, LockedStock>(productIds.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var item = StockItem.Locked(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDateTime(4));
            stock[item.ProductId] = new LockedStock(item, Enum.Parse<ProductStatus>(reader.GetString(5)), reader.GetString(6));
        }

        await reader.NextResultAsync(cancellationToken);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.GetString(0));
        }

        return new LockedState(stock, known);
    }

    /// <summary>
    /// Begins the transaction of a group expected to be reserved in full and takes the same locks as
    /// <see cref="BeginAsync"/>, without reading: the stock statement fails with <see cref="ExpectationFailed"/> unless
    /// every product can give the group what it wants (<paramref name="wanted"/>, the group's units per product) without
    /// a decision, so that the writes sent after it in the same batch run only when they are the group's outcome.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> BeginExpecting(string[] orderIds, IReadOnlyDictionary<string, int> wanted) =>
    [
        .. Begin(orderIds),
        new NpgsqlBatchCommand(ExpectStockSql)
        {
            Parameters =
            {
                new("products", wanted.Keys.ToArray()),
                new("quantities", wanted.Values.ToArray()),
            },
        },
    ];

    private static IEnumerable<NpgsqlBatchCommand> Begin(string[] orderIds) =>
    [
        BatchTransaction.Begin(),
        .. BatchTransaction.PlanKeyLookupsOnce(),
        new NpgsqlBatchCommand(LockOrdersSql) { Parameters = { new("orders", orderIds) } },
    ];

    /// <summary>
    /// Takes one order's advisory lock, with the same key as a group takes it, for a release or a commit of the order.
    /// </summary>
    public static async Task LockOrderAsync(DbConnection connection, DbTransaction transaction, string orderId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockOrdersSql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction)
        {
            Parameters = { new("orders", new[] { orderId }) },
        };
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
