using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Benchmarks.Shared;

/// <summary>
/// The CPU time every process on the machine has used (Linux <c>/proc</c>; elsewhere nothing), each under what it
/// is: a hub's process by hub and service (from its <c>HUB_CONFIG</c> and assembly, as <c>./hub up</c> starts them),
/// PostgreSQL, RabbitMQ, this benchmark, or other. Two snapshots give what each used in between; a process that
/// ended in between is not counted.
/// </summary>
internal sealed partial class MachineCpu
{
    // Linux reports process times in USER_HZ ticks, 100 per second on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, (string Label, long Ticks)> _processes;

    private MachineCpu(Dictionary<int, (string Label, long Ticks)> processes) => _processes = processes;

    public static MachineCpu Snapshot()
    {
        var processes = new Dictionary<int, (string Label, long Ticks)>();
        if (!Directory.Exists("/proc"))
        {
            return new MachineCpu(processes);
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var comm = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                processes[pid] = (Label(dir, comm), ticks);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Ended while being read, or not ours to read.
            }
        }

        return new MachineCpu(processes);
    }

    /// <summary>CPU time per label between two snapshots, the largest first.</summary>
    public static IReadOnlyList<(string Label, TimeSpan Cpu)> Between(MachineCpu before, MachineCpu after) =>
        [.. after._processes
            .Select(p => (p.Value.Label, Ticks: p.Value.Ticks - (before._processes.TryGetValue(p.Key, out var b) && b.Label == p.Value.Label ? b.Ticks : 0)))
            .GroupBy(p => p.Label)
            .Select(g => (Label: g.Key, Cpu: TimeSpan.FromSeconds(g.Sum(p => p.Ticks) / TicksPerSecond)))
            .Where(l => l.Cpu > TimeSpan.Zero)
            .OrderByDescending(l => l.Cpu)];

    private static string Label(string dir, string comm)
    {
        switch (comm)
        {
            case "postgres":
                return "PostgreSQL";
            case "beam.smp" or "epmd" or "erl_child_setup" or "inet_gethost":
                return "RabbitMQ";
        }

        var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
        if (command.Contains("Hub.Benchmarks", StringComparison.Ordinal))
        {
            return "benchmark";
        }

        if (HubAssembly().Match(command) is not { Success: true } service)
        {
            return "other";
        }

        var environment = File.ReadAllText(Path.Combine(dir, "environ"));
        return HubConfig().Match(environment) is { Success: true } hub
            ? $"{hub.Groups[1].Value.ToUpperInvariant()} {service.Groups[1].Value}"
            : service.Groups[1].Value;
    }

    [GeneratedRegex(@"Hub\.(\w+)\.dll")]
    private static partial Regex HubAssembly();

    [GeneratedRegex(@"HUB_CONFIG=[^\0]*?/(\w+)\.json")]
    private static partial Regex HubConfig();
}
