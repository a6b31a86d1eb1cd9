namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Tells this process's relay that outbox rows were committed. One pending signal is enough: a woken relay drains
/// everything committed so far.
/// </summary>
internal sealed class OutboxWakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
