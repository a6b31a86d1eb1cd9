namespace Hub.Logistics.Domain.Pools;

internal enum PoolStatus
{
    Open = 1,

    /// <summary>Full or past cut-off: takes no more consignments and waits to be planned.</summary>
    Closing = 2,

    /// <summary>Planned into shipments.</summary>
    Closed = 3,
}
