using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Benchmarks.Shared;

/// <summary>
/// The CPU time every process on the machine has used (Linux <c>/proc</c>; elsewhere nothing), each under what it
/// is: a hub's process by hub and service (from its <c>HUB_CONFIG</c> and assembly, as <c>./hub up</c> starts them),
/// PostgreSQL, RabbitMQ, this benchmark, or other. Two snapshots give what each used in between; a process that
/// ended in between is not counted, one started in between (a service restarted) counts from its start, and one the
/// first snapshot could not read is left out rather than counted with the CPU of its whole life.
/// </summary>
internal sealed partial class MachineCpu
{
    // Linux reports process times in USER_HZ ticks, 100 per second on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, (string Label, long Ticks, long StartedAt)> _processes;

    // When the snapshot was taken, in ticks since boot (the clock of a process's start time).
    private readonly long _takenAt;

    private MachineCpu(Dictionary<int, (string Label, long Ticks, long StartedAt)> processes, long takenAt)
    {
        _processes = processes;
        _takenAt = takenAt;
    }

    public static MachineCpu Snapshot()
    {
        var processes = new Dictionary<int, (string Label, long Ticks, long StartedAt)>();
        if (!Directory.Exists("/proc"))
        {
            return new MachineCpu(processes, 0);
        }

        var uptime = File.ReadAllText("/proc/uptime").Split(' ')[0];
        var takenAt = (long)(double.Parse(uptime, CultureInfo.InvariantCulture) * TicksPerSecond);

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
                var startedAt = long.Parse(fields[19], CultureInfo.InvariantCulture);
                processes[pid] = (Label(dir, comm), ticks, startedAt);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Ended while being read, or not ours to read.
            }
        }

        return new MachineCpu(processes, takenAt);
    }

    /// <summary>CPU time per label between two snapshots, the largest first.</summary>
    public static IReadOnlyList<(string Label, TimeSpan Cpu)> Between(MachineCpu before, MachineCpu after) =>
        [.. after._processes
            .Select(p => (p.Value.Label, Ticks: Used(before, p.Key, p.Value)))
            .GroupBy(p => p.Label)
            .Select(g => (Label: g.Key, Cpu: TimeSpan.FromSeconds(g.Sum(p => p.Ticks) / TicksPerSecond)))
            .Where(l => l.Cpu > TimeSpan.Zero)
            .OrderByDescending(l => l.Cpu)];

    // What the process used since the first snapshot: from the first snapshot's reading, or from its start if it
    // started since; nothing if it was running then but not read (its reading then is unknown).
    private static long Used(MachineCpu before, int pid, (string Label, long Ticks, long StartedAt) now) =>
        before._processes.TryGetValue(pid, out var then) && then.StartedAt == now.StartedAt && then.Label == now.Label ? now.Ticks - then.Ticks
        : now.StartedAt >= before._takenAt ? now.Ticks
        : 0;

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
