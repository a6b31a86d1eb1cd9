namespace Hub.Order.Domain;

/// <summary>
/// A running process of this service, as its placements' claims name it: it notes that it is alive every
/// <c>Order:InstanceBeat</c>. A claim on an Idempotency-Key, or stock asked for an order not saved yet, whose process
/// has not been seen for <c>Order:InstanceSilence</c> belongs to a process that stopped, and is taken over (or given
/// back) without waiting out the grace a placement still under way would need.
/// </summary>
internal sealed class PlacementInstance
{
    public PlacementInstance(Guid id, DateTime seenAt)
    {
        Id = id;
        SeenAt = seenAt;
    }

    public Guid Id { get; private set; }

    /// <summary>When the process last noted that it runs.</summary>
    public DateTime SeenAt { get; private set; }
}
