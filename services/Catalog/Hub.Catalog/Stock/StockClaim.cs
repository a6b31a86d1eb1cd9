using System.Data.Common;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Npgsql;

namespace Hub.Catalog.Stock;

/// <summary>What the claim found for one line: the product (null when unknown) and its stock before the claim.</summary>
internal sealed record ClaimedLine(string ProductId, int Quantity, ProductStatus? Status, string? SupplierId, int Available, int LowStockThreshold);

/// <summary>The outcome of a claim: the order already had a reservation, or every line was reserved, or none was.</summary>
internal sealed record Claim(bool Known, bool Reserved, IReadOnlyList<ClaimedLine> Lines);

/// <summary>
/// Claims an order's stock in one round trip to PostgreSQL, inside the caller's transaction: takes the order's
/// advisory lock, locks the lines' stock rows in product-id order (so concurrent orders never deadlock), and — only
/// when the order is new and every line is listed and available — adds each line to <c>reserved</c> in the same
/// statement. The conditional, set-based update never oversells; the table's check constraint backs it up.
/// </summary>
internal static class StockClaim
{
    private const string LockOrderSql = "SELECT pg_advisory_xact_lock(hashtextextended(@order, 0))";

    private const string ClaimSql = """
        WITH wanted AS (
            SELECT w.product_id, w.quantity FROM unnest(@ids::text[], @quantities::int[]) AS w(product_id, quantity)
        ), locked AS (
            SELECT s.product_id, s.on_hand - s.reserved AS available, s.low_stock_threshold
            FROM product_stock s WHERE s.product_id = ANY(@ids) ORDER BY s.product_id FOR UPDATE
        ), lines AS (
            SELECT w.product_id, w.quantity, p.status, p.supplier_id, coalesce(l.available, 0) AS available, coalesce(l.low_stock_threshold, 0) AS low_stock_threshold
            FROM wanted w LEFT JOIN products p ON p.id = w.product_id LEFT JOIN locked l ON l.product_id = w.product_id
        ), decision AS (
            SELECT EXISTS (SELECT 1 FROM stock_reservations r WHERE r.order_id = @order) AS known,
                   bool_and(coalesce(status = 'Listed' AND available >= quantity, false)) AS fits
            FROM lines
        ), claimed AS (
            UPDATE product_stock s SET reserved = s.reserved + l.quantity, updated_at = @now
            FROM lines l, decision d
            WHERE d.fits AND NOT d.known AND s.product_id = l.product_id
            RETURNING s.product_id
        )
        SELECT l.product_id, l.quantity, l.status, l.supplier_id, l.available, l.low_stock_threshold, d.known, d.fits AND NOT d.known
        FROM lines l CROSS JOIN decision d
        """;

    public static async Task<Claim> RunAsync(DbConnection connection, DbTransaction transaction, string orderId, IReadOnlyList<ReservationLine> lines,
        DateTime now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LockOrderSql) { Parameters = { new("order", orderId) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(ClaimSql)
        {
            Parameters =
            {
                new("order", orderId),
                new("ids", lines.Select(l => l.ProductId).ToArray()),
                new("quantities", lines.Select(l => l.Quantity).ToArray()),
                new("now", now),
            },
        });

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var claimed = new List<ClaimedLine>(lines.Count);
        bool known = false, reserved = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedLine(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : Enum.Parse<ProductStatus>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                reader.GetInt32(5)));
            known = reader.GetBoolean(6);
            reserved = reader.GetBoolean(7);
        }

        return new Claim(known, reserved, claimed);
    }
}
