namespace Hub.ServiceDefaults.Security;

/// <summary>A partner hub as this hub knows it (<c>Partners:&lt;HubId&gt;</c> in the hub file).</summary>
public sealed record PartnerHub
{
    /// <summary>A display name, e.g. "Hub China".</summary>
    public string Name { get; init; } = "";

    /// <summary>The partner's home currency (ISO 4217).</summary>
    public string Currency { get; init; } = "";

    /// <summary>The partner gateway's REST (HTTP/1.1) address.</summary>
    public Uri? Gateway { get; init; }

    /// <summary>The partner gateway's gRPC (h2c) address.</summary>
    public Uri? GatewayGrpc { get; init; }

    /// <summary>
    /// The secret this pair of hubs shares: requests each sends the other are signed with it (see
    /// <see cref="HubRequestSignature"/>). Both hub files hold the same value.
    /// </summary>
    public string Secret { get; init; } = "";
}
