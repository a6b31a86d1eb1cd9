namespace Hub.Gateway.Identity;

/// <summary>
/// A user this hub issues tokens for itself (<c>Identity:Users</c>): development and demonstration only. A production
/// hub leaves the list empty and takes tokens from its OIDC issuer (<c>Security:Authority</c>).
/// </summary>
internal sealed record DevelopmentUser
{
    public string User { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary>"sme" or "operator".</summary>
    public string Role { get; init; } = "";

    /// <summary>The SME user's company id, e.g. "KR-C-000001".</summary>
    public string? Company { get; init; }
}
