using System.Data;
using Npgsql;

namespace Hub.ServiceDefaults.Data;

/// <summary>
/// A hot path's transaction written as a few batches of statements on an open connection: the first batch begins with
/// <see cref="Begin"/> and the last ends with <see cref="Commit"/>, so a transaction of two batches is two round trips
/// to PostgreSQL (an <c>NpgsqlTransaction</c> sends its commit as a third). A statement that fails leaves the rest of
/// its batch unexecuted, the commit included; the caller then rolls back with <see cref="AbandonAsync"/>.
/// </summary>
public static class BatchTransaction
{
    public static NpgsqlBatchCommand Begin() => new("BEGIN");

    public static NpgsqlBatchCommand Commit() => new("COMMIT");

    /// <summary>The statements, in order, as one batch on <paramref name="connection"/>.</summary>
    public static NpgsqlBatch Batch(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> statements)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement);
        }

        return batch;
    }

    /// <summary>
    /// Settings for the rest of the transaction, whose statements all find their rows by key: each is planned once per
    /// connection rather than on every execution (services plan every statement for its parameters, see
    /// <see cref="DatabaseRegistration"/>), and that one plan goes through an index even when it was made while the
    /// table was small, so it still fits once the table has grown.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> PlanKeyLookupsOnce() =>
    [
        new("SET LOCAL plan_cache_mode = force_generic_plan"),
        new("SET LOCAL enable_seqscan = off"),
    ];

    /// <summary>Rolls back a transaction that failed; a connection already lost or closed is left as it is.</summary>
    public static async Task AbandonAsync(NpgsqlConnection connection)
    {
        if (connection.State != ConnectionState.Open)
        {
            return;
        }

        try
        {
            // After a commit that did go through this only draws a warning ("no transaction in progress").
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection broke: PostgreSQL rolled the transaction back itself, and the pool drops the connection.
        }
    }
}
