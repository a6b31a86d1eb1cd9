namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Tells a relay loop that there is work: rows committed in this process, or a backlog. One pending signal is enough,
/// since a woken loop drains everything committed so far; further signals before it wakes are absorbed.
/// </summary>
internal sealed class OutboxWakeUp
{
    private readonly SemaphoreSlim _signal = new(0);
    private int _pending;

    public void Signal()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first; a signal is consumed before this returns.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _signal.WaitAsync(timeout, cancellationToken))
        {
            return false;
        }

        // Cleared before the woken loop reads the outbox: a commit after this point signals again.
        Volatile.Write(ref _pending, 0);
        return true;
    }
}
