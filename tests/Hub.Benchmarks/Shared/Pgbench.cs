using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Hub.Benchmarks.Shared;

/// <summary>
/// PostgreSQL's own pgbench on the same server, as the yardstick of what it sustains: the simple-update script
/// (<c>-N</c>) on a scratch database of its own, initialised at scale 10, dropped when disposed.
/// </summary>
internal sealed partial class Pgbench : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlConnectionStringBuilder _settings;
    private readonly string _scratch;

    private Pgbench(string connectionString, string scratch)
    {
        _connectionString = connectionString;
        _settings = new NpgsqlConnectionStringBuilder(connectionString);
        _scratch = scratch;
    }

    /// <summary>Creates and initialises the scratch database on the server <paramref name="connectionString"/> names.</summary>
    public static async Task<Pgbench> InitializeAsync(string connectionString)
    {
        var bench = new Pgbench(connectionString, $"hub_pgbench_{Guid.NewGuid():N}"[..24]);
        await ExecuteAsync(connectionString, $"CREATE DATABASE {bench._scratch}");
        try
        {
            await RunAsync(bench._settings, bench._scratch, "-i", "-s", "10", "-q");
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>One run on a database of its own, dropped afterwards.</summary>
    /// <returns>Transactions per second without the initial connection time.</returns>
    public static async Task<double> SimpleUpdateTpsAsync(string connectionString, int clients, int seconds)
    {
        await using var bench = await InitializeAsync(connectionString);
        return await bench.SimpleUpdateTpsAsync(clients, seconds);
    }

    /// <returns>Transactions per second without the initial connection time.</returns>
    public async Task<double> SimpleUpdateTpsAsync(int clients, int seconds)
    {
        var output = await RunAsync(_settings, _scratch, "-N", "-c", Invariant(clients), "-j", Invariant(clients), "-T", Invariant(seconds));
        var match = TpsLine().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("pgbench printed no 'tps = … (without initial connection time)':" + Environment.NewLine + output);
    }

    public ValueTask DisposeAsync() => new(DropAsync(_connectionString, _scratch));

    // Not WITH (FORCE): that refuses to end backends of other roles, such as the autovacuum worker that pgbench's
    // updates call in. A plain drop ends an autovacuum worker itself; it is tried again while pgbench's own
    // connections are still closing.
    private static async Task DropAsync(string connectionString, string scratch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(connectionString, $"DROP DATABASE IF EXISTS {scratch}");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static async Task<string> RunAsync(NpgsqlConnectionStringBuilder settings, string database, params string[] arguments)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/lib/postgresql/15/bin/pgbench") ? "/usr/lib/postgresql/15/bin/pgbench" : "pgbench")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-h", settings.Host!, "-p", Invariant(settings.Port), "-U", settings.Username! }.Concat(arguments).Append(database))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = settings.Password ?? "";
        // The same transport as the services' connections, so the comparison is of the work, not of TLS.
        start.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await errors;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{text}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
