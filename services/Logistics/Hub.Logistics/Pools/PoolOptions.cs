namespace Hub.Logistics.Pools;

/// <summary>Settings of pool closing and planning (<c>Logistics:Pools</c>).</summary>
internal sealed class PoolOptions
{
    /// <summary>How often pools are checked for a passed cut-off.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Search budget of the planner per container type.</summary>
    public TimeSpan PlannerTimeLimit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pools of at most this many items also get an exact search.</summary>
    public int ExactSearchMaxItems { get; set; } = 30;
}
