using System.Diagnostics;
using Hub.ServiceDefaults.Messaging.Outbox;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// With <c>--profile</c>: wraps the shared dispatcher to time each relay batch's dispatch window (first dispatch
/// started → last confirmed), so the rest of the batch's time is the relay's database work.
/// </summary>
internal sealed class TimedDispatcher(IOutboxDispatcher inner, StageClock stages) : IOutboxDispatcher
{
    private readonly Lock _lock = new();
    private List<double> _durations = [];
    private long _first = long.MaxValue;
    private long _last;

    public async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        stages.Mark(message.MessageId, Stage.Dispatched);
        var started = Stopwatch.GetTimestamp();
        InterlockedMin(ref _first, started);
        try
        {
            await inner.DispatchAsync(message, cancellationToken);
            stages.Mark(message.MessageId, Stage.Confirmed);
        }
        finally
        {
            var ended = Stopwatch.GetTimestamp();
            InterlockedMax(ref _last, ended);
            lock (_lock)
            {
                _durations.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
            }
        }
    }

    /// <summary>Each dispatch's time from start to broker confirmation (ms, sorted) since the last call.</summary>
    public double[] TakeDurations()
    {
        List<double> taken;
        lock (_lock)
        {
            (taken, _durations) = (_durations, []);
        }

        return [.. taken.Order()];
    }

    /// <summary>The dispatch window since the last call, or zero if nothing was dispatched.</summary>
    public TimeSpan TakeWindow()
    {
        var first = Interlocked.Exchange(ref _first, long.MaxValue);
        var last = Interlocked.Exchange(ref _last, 0);
        return first == long.MaxValue ? TimeSpan.Zero : Stopwatch.GetElapsedTime(first, last);
    }

    /// <summary>Replaces the registered dispatcher with a timed one around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IOutboxDispatcher));
        var implementation = registered.ImplementationType ?? throw new InvalidOperationException("The outbox dispatcher is not registered by type.");
        services.Remove(registered);
        services.AddSingleton(sp => new TimedDispatcher((IOutboxDispatcher)ActivatorUtilities.CreateInstance(sp, implementation), sp.GetRequiredService<StageClock>()));
        services.AddSingleton<IOutboxDispatcher>(sp => sp.GetRequiredService<TimedDispatcher>());
    }

    private static void InterlockedMin(ref long target, long value)
    {
        for (var current = Volatile.Read(ref target); value < current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
