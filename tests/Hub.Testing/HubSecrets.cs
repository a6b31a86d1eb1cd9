using System.Diagnostics;

namespace Hub.Testing;

/// <summary>The secrets file <c>./hub up</c> writes for a hub (deploy/scripts/hub-secrets.py), written by the script itself.</summary>
public static class HubSecrets
{
    /// <summary>The services, each with a database of its own, as <c>./hub</c> names them.</summary>
    public static IReadOnlyList<string> Services { get; } = ["Catalog", "Order", "Customs", "Logistics", "Payment", "TaxRefund"];

    /// <summary>The processes with a database of their own: the services, and the console (its key ring).</summary>
    public static IReadOnlyList<string> Databases { get; } = [.. Services, "Console"];

    /// <summary>Runs the script for <paramref name="hubFile"/> into <paramref name="folder"/>; returns the file it wrote.</summary>
    /// <param name="hubFile">The hub file (deploy/hubs/&lt;hub&gt;.json).</param>
    /// <param name="folder">Where the secrets go, with the keys kept under it.</param>
    /// <param name="environment">Variables for the script (HUB_DB_USER, …) over the test's own.</param>
    public static async Task<string> WriteAsync(string hubFile, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(Repository.Root(), "deploy", "scripts", "hub-secrets.py"), hubFile, folder, .. Databases])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var script = Process.Start(start)!;
        var written = await script.StandardOutput.ReadToEndAsync();
        var errors = await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        return script.ExitCode == 0 ? written.Trim() : throw new InvalidOperationException($"hub-secrets.py exited with {script.ExitCode}: {errors}");
    }
}
