namespace Hub.ServiceDefaults.Security;

/// <summary>
/// How bearer tokens are validated (<c>Security</c> section). In development the hub signs its own tokens with
/// <see cref="SigningKey"/>; in production <see cref="Authority"/> names the external OIDC issuer instead.
/// </summary>
public sealed record SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>The token issuer, e.g. "https://kr.hub.example" (required).</summary>
    public string Issuer { get; init; } = "";

    /// <summary>The audience every token must carry.</summary>
    public string Audience { get; init; } = "hub";

    /// <summary>A symmetric key (at least 32 characters) for tokens the hub issues itself.</summary>
    public string? SigningKey { get; init; }

    /// <summary>An external OIDC authority; when set, keys come from its discovery document.</summary>
    public string? Authority { get; init; }

    /// <summary>How long tokens issued by the hub live.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(8);
}
