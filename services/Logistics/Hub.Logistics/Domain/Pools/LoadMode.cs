namespace Hub.Logistics.Domain.Pools;

/// <summary>How a plan buys transport: space on a co-loader per chargeable unit, or whole containers.</summary>
internal enum LoadMode
{
    SharedSpace = 1,
    FullContainer = 2,
}
