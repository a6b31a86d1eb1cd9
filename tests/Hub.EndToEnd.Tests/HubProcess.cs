using System.Diagnostics;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// One process of a hub, started as <c>./hub up</c> starts it: <c>dotnet Hub.&lt;Name&gt;.dll --contentRoot &lt;bin&gt;</c> with
/// <c>HUB_CONFIG</c> naming the hub file; its output goes to a log file of its own.
/// </summary>
internal sealed class HubProcess(string hub, string name, string binDirectory, string hubFile, string logFile)
{
    private Process? _process;

    public string Hub { get; } = hub;

    public string Name { get; } = name;

    public string LogFile { get; } = logFile;

    public bool Running => _process is { HasExited: false };

    public void Start() => _process = Launch([$"Hub.{Name}.dll", "--contentRoot", binDirectory]);

    /// <summary>Runs <c>dotnet Hub.&lt;Name&gt;.dll migrate</c> to completion, again if it fails, up to <paramref name="attempts"/> times.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken, int attempts = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var migrate = Launch([$"Hub.{Name}.dll", "migrate", "--contentRoot", binDirectory]);
            try
            {
                await migrate.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                migrate.Kill(entireProcessTree: true);
                throw new TimeoutException($"Migrating {Hub} {Name} did not finish in time:{Environment.NewLine}{Tail(40)}");
            }

            if (migrate.ExitCode == 0)
            {
                return;
            }

            if (attempt >= attempts)
            {
                throw new InvalidOperationException($"Migrating {Hub} {Name} failed (exit {migrate.ExitCode}):{Environment.NewLine}{Tail(40)}");
            }
        }
    }

    /// <summary>Kills the process (as a crash or a pulled cable would) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        process.Dispose();
        _process = null;
    }

    /// <summary>The last lines of the process's log.</summary>
    public string Tail(int lines) => string.Join('\n', Log().Split('\n').TakeLast(lines));

    /// <summary>The process's whole log so far.</summary>
    public string Log()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException ex)
        {
            return $"(no log: {ex.Message})";
        }
    }

    private Process Launch(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HUB_CONFIG"] = hubFile;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Hub} {Name}.");
        var log = new StreamWriter(new FileStream(LogFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => { lock (gate) { log.Flush(); } };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
