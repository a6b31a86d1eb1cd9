using System.Diagnostics;

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
    private int _lowered;

    private BrokerHold(string watermark)
    {
        _watermark = watermark;
        // Stopped while holding (Ctrl-C, SIGTERM), the benchmark lowers the alarm on its way out; only a kill -9 leaves
        // it raised, and the platform processing nothing until it is lowered by hand.
        Console.CancelKeyPress += OnStopping;
        AppDomain.CurrentDomain.ProcessExit += OnStopping;
    }

    /// <summary>Raises the alarm; disposing lowers it to the watermark read before.</summary>
    /// <exception cref="InvalidOperationException"><c>rabbitmqctl</c> is missing or refused (the broker is not local, or not ours to change).</exception>
    public static async Task<BrokerHold> RaiseAsync()
    {
        var current = (await RabbitmqctlAsync("eval", "vm_memory_monitor:get_vm_memory_high_watermark().")).Trim();
        // A relative watermark reads as a fraction ("0.4"), an absolute one as a tuple ("{absolute,1073741824}").
        var watermark = current.StartsWith("{absolute,", StringComparison.Ordinal) ? $"absolute {current["{absolute,".Length..^1]}" : current;
        await SetAsync(Blocking);
        return new BrokerHold(watermark);
    }

    public async ValueTask DisposeAsync()
    {
        Console.CancelKeyPress -= OnStopping;
        AppDomain.CurrentDomain.ProcessExit -= OnStopping;
        if (Interlocked.Exchange(ref _lowered, 1) == 0)
        {
            await SetAsync(_watermark);
        }
    }

    private void OnStopping(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _lowered, 1) == 0)
        {
            SetAsync(_watermark).GetAwaiter().GetResult();
        }
    }

    private static Task<string> SetAsync(string watermark) => RabbitmqctlAsync(["set_vm_memory_high_watermark", .. watermark.Split(' ')]);

    private static async Task<string> RabbitmqctlAsync(params string[] arguments)
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
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
