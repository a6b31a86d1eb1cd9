namespace Hub.Gateway;

/// <summary>The gateway's own settings (<c>Gateway</c> section); every limit here is configuration.</summary>
internal sealed record GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How far a partner's request timestamp may be from this gateway's clock.</summary>
    public TimeSpan PartnerClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-client token bucket.</summary>
    public RateLimitOptions RateLimit { get; init; } = new();

    /// <summary>Request timeout policies by name, referenced by routes (<c>TimeoutPolicy</c>).</summary>
    public Dictionary<string, TimeSpan> Timeouts { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [GatewayRegistration.DefaultTimeoutPolicy] = TimeSpan.FromSeconds(30),
        [Hub.Gateway.Federation.FederationEndpoints.TimeoutPolicy] = TimeSpan.FromSeconds(5),
    };

    /// <summary>Fan-out of catalog searches to partner hubs.</summary>
    public FederationOptions Federation { get; init; } = new();

    /// <summary>
    /// How often the services' and partners' host names are looked up again: a name that stands for several instances
    /// (a cluster's service) is one destination per address, and instances started since join them.
    /// </summary>
    public TimeSpan AddressRefresh { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A token bucket per client: <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/>. A partner hub
/// has a bucket of its own size: it carries the cross-border calls of all its companies and of their orders'
/// processing. With <see cref="Peers"/>, the limits are the hub's, each replica taking its share.
/// </summary>
internal sealed record RateLimitOptions
{
    public int Burst { get; init; } = 200;

    public int PerSecond { get; init; } = 100;

    public int PartnerBurst { get; init; } = 4000;

    public int PartnerPerSecond { get; init; } = 2000;

    /// <summary>
    /// Refusals (401, 403) one address may collect at once before it is answered 429 without being authenticated,
    /// refilled by <see cref="RefusedPerSecond"/>.
    /// </summary>
    public int RefusedBurst { get; init; } = 50;

    public int RefusedPerSecond { get; init; } = 10;

    /// <summary>
    /// A name that resolves to every ready replica of this hub's gateway (a headless Service), whose count shares the
    /// client limits above among the replicas (<see cref="Protection.GatewayPeers"/>); none: this replica alone.
    /// </summary>
    public string? Peers { get; init; }
}

/// <summary>How the federated catalog search asks the hubs.</summary>
internal sealed record FederationOptions
{
    /// <summary>
    /// The catalog search path every hub serves. The query string is passed on, but for <c>limit</c> and <c>cursor</c>:
    /// each hub is sent its own.
    /// </summary>
    public string CatalogSearchPath { get; init; } = "/api/catalog/products";

    /// <summary>
    /// The largest <c>limit</c> a federated search takes, and the most items one hub is asked for at once: no more than
    /// the hubs' catalogs take (<c>Catalog:MaxPageSize</c>).
    /// </summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>How long the search waits for all hubs together.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Failures (out of at least <see cref="BreakerMinimumCalls"/> within 30 s) that open a partner's breaker.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumCalls { get; init; } = 4;

    /// <summary>How long an open breaker skips its partner.</summary>
    public TimeSpan BreakerOpenFor { get; init; } = TimeSpan.FromSeconds(30);
}
