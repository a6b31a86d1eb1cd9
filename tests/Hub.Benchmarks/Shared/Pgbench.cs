using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Hub.Benchmarks.Shared;

/// <summary>
/// PostgreSQL's own pgbench on the same server, as the yardstick of what it sustains: the simple-update script
/// (<c>-N</c>) on a scratch database of its own, initialised at scale 10, dropped afterwards.
/// </summary>
internal static partial class Pgbench
{
    /// <returns>Transactions per second without the initial connection time.</returns>
    public static async Task<double> SimpleUpdateTpsAsync(string connectionString, int clients, int seconds)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var scratch = $"hub_pgbench_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(connectionString, $"CREATE DATABASE {scratch}");
        try
        {
            await RunAsync(settings, scratch, "-i", "-s", "10", "-q");
            var output = await RunAsync(settings, scratch, "-N", "-c", Invariant(clients), "-j", Invariant(clients), "-T", Invariant(seconds));
            var match = TpsLine().Match(output);
            return match.Success
                ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException("pgbench printed no 'tps = … (without initial connection time)':" + Environment.NewLine + output);
        }
        finally
        {
            await DropAsync(connectionString, scratch);
        }
    }

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
