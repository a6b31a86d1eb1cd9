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
/// have a reservation.
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

    /// <summary>
    /// Begins the group's transaction on <paramref name="connection"/> (<see cref="BatchTransaction"/>; the group's
    /// writes commit it, see <see cref="StockWrites"/>) and takes the group's locks. Every statement of the transaction
    /// finds its rows by key, so each is planned once per connection (with the product join, planning was a third of
    /// PostgreSQL's time per group: it weighs every index of products, full-text ones included).
    /// </summary>
    public static async Task<LockedState> BeginAsync(NpgsqlConnection connection, string[] orderIds, string[] productIds, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { BatchTransaction.Begin() } };
        foreach (var setting in BatchTransaction.PlanKeyLookupsOnce())
        {
            batch.BatchCommands.Add(setting);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(LockOrdersSql) { Parameters = { new("orders", orderIds) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LockStockSql) { Parameters = { new("products", productIds) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(KnownOrdersSql) { Parameters = { new("orders", orderIds) } });

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
