using Hub.Catalog.Domain.Stock;
using Hub.ServiceDefaults.Data;
using Npgsql;

namespace Hub.Catalog.Stock;

/// <summary>
/// Writes what a group of reservations decided and commits, in one round trip, in the transaction
/// <see cref="StockLocks.BeginAsync"/> began: the new stock of every product the group reserved from, the reservations
/// (reserved and rejected) with their lines, and their events — a statement per table whatever the group's size, where
/// EF Core's change tracker wrote a statement per row — then the commit. Like the locks, they are planned once per
/// connection.
/// </summary>
internal static class StockWrites
{
    // The rows are locked by the group's transaction (StockLocks), so the new totals are written as they are.
    private const string StockSql = """
        UPDATE product_stock AS s SET reserved = u.reserved, updated_at = @now
        FROM unnest(@product_ids::text[], @reserved::int[]) AS u(product_id, reserved)
        WHERE s.product_id = u.product_id
        """;

    private const string ReservationsSql = """
        INSERT INTO stock_reservations (order_id, status, rejection_reason, created_at, updated_at)
        SELECT * FROM unnest(@order_ids::text[], @statuses::text[], @reasons::text[], @created::timestamptz[], @updated::timestamptz[])
        """;

    private const string LinesSql = """
        INSERT INTO stock_reservation_lines (order_id, product_id, quantity)
        SELECT * FROM unnest(@order_ids::text[], @product_ids::text[], @quantities::int[])
        """;

    /// <returns>The ids of the outbox rows <paramref name="events"/> wrote, if any.</returns>
    public static async Task<IReadOnlyList<long>> CommitAsync(NpgsqlConnection connection, IReadOnlyCollection<StockItem> stock,
        IReadOnlyList<StockReservation> reservations, NpgsqlBatchCommand? events, DateTime now, CancellationToken cancellationToken)
    {
        var lines = reservations.SelectMany(r => r.Lines.Select(l => (r.OrderId, l.ProductId, l.Quantity))).ToList();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(StockSql)
                {
                    Parameters =
                    {
                        new("product_ids", stock.Select(s => s.ProductId).ToArray()),
                        new("reserved", stock.Select(s => s.Reserved).ToArray()),
                        new("now", now),
                    },
                },
                new NpgsqlBatchCommand(ReservationsSql)
                {
                    Parameters =
                    {
                        new("order_ids", reservations.Select(r => r.OrderId).ToArray()),
                        new("statuses", reservations.Select(r => r.Status.ToString()).ToArray()),
                        new("reasons", reservations.Select(r => r.RejectionReason).ToArray()),
                        new("created", reservations.Select(r => r.CreatedAt).ToArray()),
                        new("updated", reservations.Select(r => r.UpdatedAt).ToArray()),
                    },
                },
                new NpgsqlBatchCommand(LinesSql)
                {
                    Parameters =
                    {
                        new("order_ids", lines.Select(l => l.OrderId).ToArray()),
                        new("product_ids", lines.Select(l => l.ProductId).ToArray()),
                        new("quantities", lines.Select(l => l.Quantity).ToArray()),
                    },
                },
            },
        };

        if (events is not null)
        {
            batch.BatchCommands.Add(events);
        }

        batch.BatchCommands.Add(BatchTransaction.Commit());
        var ids = new List<long>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        // The reader starts at the first statement with rows (the events' ids, if any); the commit's outcome arrives
        // after them, and a failed commit throws here, not later.
        while (await reader.NextResultAsync(cancellationToken))
        {
        }

        return ids;
    }
}
