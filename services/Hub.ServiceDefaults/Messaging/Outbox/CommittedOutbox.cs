using System.Collections.Concurrent;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The ids of outbox rows this process has just committed, handed to the relay so that it claims them by primary key.
/// Finding them by scanning the pending-rows index instead costs more with every row sent since the last vacuum (each
/// sent row leaves a dead entry the scan still visits: 2 ms per scan after a few seconds of 500 commits/s). The queue
/// is only a shortcut: rows whose ids are lost (a full queue, a crash) are still found by the relay's periodic scan.
/// </summary>
internal sealed class CommittedOutbox
{
    /// <summary>Ids held at most; a relay that far behind finds the rest by scanning.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentQueue<long> _ids = new();
    private int _count;
    private int _overflowed;

    public void Add(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            if (Interlocked.Increment(ref _count) > Capacity)
            {
                Interlocked.Decrement(ref _count);
                Volatile.Write(ref _overflowed, 1);
                return;
            }

            _ids.Enqueue(id);
        }
    }

    /// <summary>How many ids wait.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Up to <paramref name="max"/> ids, oldest first.</summary>
    public long[] Take(int max)
    {
        var taken = new List<long>(Math.Min(max, Volatile.Read(ref _count)));
        while (taken.Count < max && _ids.TryDequeue(out var id))
        {
            Interlocked.Decrement(ref _count);
            taken.Add(id);
        }

        return [.. taken];
    }

    /// <summary>True once after ids were turned away for want of room: only a scan finds those rows.</summary>
    public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;
}
