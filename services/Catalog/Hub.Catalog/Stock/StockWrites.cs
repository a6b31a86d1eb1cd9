using Hub.Catalog.Domain.Stock;
using Hub.ServiceDefaults.Data;
using Npgsql;

namespace Hub.Catalog.Stock;

/// <summary>
/// Writes what a group of reservations decided and commits, in the transaction <see cref="StockLocks"/> began: the
/// units the group reserved from each product, the reservations (reserved and rejected) with their lines, and their
/// events — a statement per table whatever the group's size, where EF Core's change tracker wrote a statement per row —
/// then the commit. Like the locks, they are planned once per connection.
/// </summary>
internal static class StockWrites
{
    // The rows are locked by the group's transaction (StockLocks): what the group took is added to what they held.
    private const string StockSql = """
        UPDATE product_stock AS s SET reserved = s.reserved + u.quantity, updated_at = @now
        FROM unnest(@product_ids::text[], @quantities::int[]) AS u(product_id, quantity)
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

    /// <summary>
    /// Sends the group's writes and the commit as the second round trip of the transaction
    /// <see cref="StockLocks.BeginAsync"/> began.
    /// </summary>
    /// <returns>The ids of the outbox rows <paramref name="events"/> wrote, if any.</returns>
    public static Task<IReadOnlyList<long>> CommitAsync(NpgsqlConnection connection, IReadOnlyDictionary<string, int> reserved,
        IReadOnlyList<StockReservation> reservations, NpgsqlBatchCommand? events, DateTime now, CancellationToken cancellationToken) =>
        WriteAsync(connection, [], 0, reserved, reservations, events, now, cancellationToken);

    /// <summary>
    /// Reserves a group expected to be reserved in full, in one round trip: its transaction's beginning with the locks
    /// and the expectation (<see cref="StockLocks.BeginExpecting"/>), its writes and the commit. When the expectation
    /// fails, nothing after it runs and this throws a <see cref="PostgresException"/> with
    /// <see cref="StockLocks.ExpectationFailed"/>; the caller rolls back.
    /// </summary>
    /// <returns>The ids of the outbox rows <paramref name="events"/> wrote.</returns>
    public static Task<IReadOnlyList<long>> ReserveAllAsync(NpgsqlConnection connection, IReadOnlyList<StockReservation> reservations,
        NpgsqlBatchCommand events, DateTime now, CancellationToken cancellationToken)
    {
        var reserved = reservations.SelectMany(r => r.Lines).GroupBy(l => l.ProductId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        return WriteAsync(connection, StockLocks.BeginExpecting([.. reservations.Select(r => r.OrderId)], reserved), StockLocks.ExpectingResults,
            reserved, reservations, events, now, cancellationToken);
    }

    // The statements in first (returning firstResults result sets), then the group's writes and the commit.
    private static async Task<IReadOnlyList<long>> WriteAsync(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> first, int firstResults,
        IReadOnlyDictionary<string, int> reserved, IReadOnlyList<StockReservation> reservations, NpgsqlBatchCommand? events, DateTime now,
        CancellationToken cancellationToken)
    {
        var lines = reservations.SelectMany(r => r.Lines.Select(l => (r.OrderId, l.ProductId, l.Quantity))).ToList();
        await using var batch = BatchTransaction.Batch(connection,
        [
            .. first,
            new NpgsqlBatchCommand(StockSql)
            {
                Parameters =
                {
                    new("product_ids", reserved.Keys.ToArray()),
                    new("quantities", reserved.Values.ToArray()),
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
            .. events is null ? [] : new[] { events },
            BatchTransaction.Commit(),
        ]);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < firstResults; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        // The reader starts at the first statement with rows; after the ones that come first, the events' ids, if any.
        // The commit's outcome arrives after them, and a failed commit throws here, not later.
        while (await reader.NextResultAsync(cancellationToken))
        {
        }

        return ids;
    }
}
