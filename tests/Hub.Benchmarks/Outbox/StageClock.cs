using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// With <c>--profile</c>: when each message reached each stage between the producer's commit and the consumer's
/// inbox commit (<see cref="Stopwatch"/> ticks, by message id), so the latency splits into the relay's and the
/// consumer's shares.
/// </summary>
internal sealed class StageClock
{
    private readonly ConcurrentDictionary<Guid, long>[] _stages = [.. Enum.GetValues<Stage>().Select(_ => new ConcurrentDictionary<Guid, long>())];

    public void Mark(Guid messageId, Stage stage) => _stages[(int)stage].TryAdd(messageId, Stopwatch.GetTimestamp());

    /// <summary>When the message reached the stage, or 0 if it was not seen there.</summary>
    public long At(Guid messageId, Stage stage) => _stages[(int)stage].GetValueOrDefault(messageId);

    public void Clear()
    {
        foreach (var stage in _stages)
        {
            stage.Clear();
        }
    }
}

/// <summary>Where a message is on its way: relay dispatch started, broker confirmed, consumer received, inbox committed.</summary>
internal enum Stage
{
    Dispatched,
    Confirmed,
    Arrived,
    InboxCommitted,
}
