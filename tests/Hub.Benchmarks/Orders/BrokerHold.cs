using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// Holds every event back at the local RabbitMQ while the placements are measured: the broker's memory alarm, raised
/// with <c>rabbitmqctl</c>, blocks each connection that publishes, so the outboxes keep the events the placements
/// write and no order is processed until the alarm is lowered again (to the watermark the broker had). What is
/// measured then is the placement alone, not the placement on cores shared with the processing of the orders before.
/// </summary>
internal sealed class BrokerHold : IAsyncDisposable
{
    private const string Blocking = "absolute 1MB";
    private readonly string _watermark;
    private readonly PosixSignalRegistration[] _stopping;
    private int _lowered;

    private BrokerHold(string watermark)
    {
        _watermark = watermark;
        // Stopped while holding (Ctrl-C, SIGTERM, SIGQUIT), the benchmark lowers the alarm before it goes; only a
        // kill -9 leaves it raised, and the platform processing nothing until it is lowered by hand.
        _stopping = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, _ => Lower()))];
    }

    /// <summary>Raises the alarm; disposing lowers it to the watermark read before.</summary>
    /// <exception cref="InvalidOperationException"><c>rabbitmqctl</c> is missing or refused (the broker is not local, or not ours to change).</exception>
    public static async Task<BrokerHold> RaiseAsync()
    {
        var current = (await Task.Run(() => Rabbitmqctl("eval", "vm_memory_monitor:get_vm_memory_high_watermark()."))).Trim();
        // A relative watermark reads as a fraction ("0.4"), an absolute one as a tuple ("{absolute,1073741824}").
        var watermark = current.StartsWith("{absolute,", StringComparison.Ordinal) ? $"absolute {current["{absolute,".Length..^1]}" : current;
        await Task.Run(() => Set(Blocking));
        return new BrokerHold(watermark);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var registration in _stopping)
        {
            registration.Dispose();
        }

        await Task.Run(Lower);
    }

    // Once, whichever comes first: the end of the placements or a signal to stop (whose default action follows).
    private void Lower()
    {
        if (Interlocked.Exchange(ref _lowered, 1) == 0)
        {
            Set(_watermark);
        }
    }

    private static void Set(string watermark) => Rabbitmqctl(["set_vm_memory_high_watermark", .. watermark.Split(' ')]);

    private static string Rabbitmqctl(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("HOLD=1 needs rabbitmqctl of the local broker on the PATH.", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors.GetAwaiter().GetResult()}{output}");
        }
    }
}
