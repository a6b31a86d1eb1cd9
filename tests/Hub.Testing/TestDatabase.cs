using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Testing;

/// <summary>A database of one test's own, dropped when the test ends.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>Connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database on the test server.</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose = "test")
    {
        var servers = await TestServers.GetAsync();
        var name = $"t_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(servers.Postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(servers.Postgres, name);
    }

    /// <summary>Applies <typeparamref name="TContext"/>'s checked-in migrations, as the service's <c>migrate</c> command does.</summary>
    public async Task MigrateAsync<TContext>() where TContext : DbContext
    {
        await using var db = CreateContext<TContext>();
        await db.Database.MigrateAsync();
    }

    /// <summary>A context on this database, outside any host.</summary>
    public TContext CreateContext<TContext>() where TContext : DbContext =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseNpgsql(ConnectionString).Options)!;

    /// <inheritdoc />
    /// <remarks>
    /// A host that has just stopped may still be closing its last connections, or a pooled connection may reconnect between
    /// the forced disconnect and the drop; both end in "object in use". An autovacuum worker busy in the database is a
    /// process the test role may not terminate ("insufficient privilege"), and it leaves by itself. The drop is retried a
    /// few times before it fails.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (attempt < DropAttempts && ex.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
                NpgsqlConnection.ClearAllPools();
            }
        }
    }

    private const int DropAttempts = 6;
}
