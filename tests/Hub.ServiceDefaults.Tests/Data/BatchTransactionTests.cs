using Hub.ServiceDefaults.Data;
using Hub.Testing;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Data;

/// <summary>A transaction written as batches, against real PostgreSQL: it commits whole or not at all.</summary>
public sealed class BatchTransactionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("batchtx");
        await using var connection = await OpenAsync();
        await using var table = new NpgsqlCommand("CREATE TABLE items (id int PRIMARY KEY, quantity int NOT NULL CHECK (quantity > 0))", connection);
        await table.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoBatches_CommitRidesWithTheLast_BothWritten()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, BatchTransaction.Begin(), Insert(1, 5));
        await RunAsync(connection, Insert(2, 7), BatchTransaction.Commit());

        (await CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task LastBatchFails_CommitNotRun_NothingWrittenAndConnectionReusable()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, BatchTransaction.Begin(), Insert(1, 5));

        await Should.ThrowAsync<PostgresException>(() => RunAsync(connection, Insert(2, 0), BatchTransaction.Commit()));
        await BatchTransaction.AbandonAsync(connection);

        (await CountAsync()).ShouldBe(0);
        await RunAsync(connection, BatchTransaction.Begin(), Insert(3, 1), BatchTransaction.Commit());
        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Abandon_AfterCommit_ChangesNothing()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, BatchTransaction.Begin(), Insert(1, 5), BatchTransaction.Commit());

        await BatchTransaction.AbandonAsync(connection);

        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task PlanKeyLookupsOnce_SmallAnalysedTable_LookUpGoesThroughTheIndex()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, Insert(1, 5), Insert(2, 6), Insert(3, 7), new NpgsqlBatchCommand("ANALYZE items"));
        static NpgsqlBatchCommand Explain() =>
            new("EXPLAIN SELECT * FROM items WHERE id = ANY(@ids)") { Parameters = { new("ids", new[] { 1, 2 }) } };

        // Without the settings a table of three rows is read whole: the plan that would be kept as the table grows.
        var planned = await ReadAsync(connection, [Explain()]);
        var settled = await ReadAsync(connection, [BatchTransaction.Begin(), .. BatchTransaction.PlanKeyLookupsOnce(), Explain(), BatchTransaction.Commit()]);

        string.Join('\n', planned).ShouldContain("Seq Scan");
        string.Join('\n', settled).ShouldContain("items_pkey");
    }

    private static NpgsqlBatchCommand Insert(int id, int quantity) =>
        new("INSERT INTO items (id, quantity) VALUES (@id, @quantity)") { Parameters = { new("id", id), new("quantity", quantity) } };

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task RunAsync(NpgsqlConnection connection, params NpgsqlBatchCommand[] commands)
    {
        await using var batch = BatchTransaction.Batch(connection, commands);
        await batch.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> commands)
    {
        await using var batch = BatchTransaction.Batch(connection, commands);
        var rows = new List<string>();
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM items", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
