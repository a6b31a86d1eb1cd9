namespace Hub.Gateway.Identity;

/// <summary>The <c>Identity</c> section: users the hub issues its own tokens for.</summary>
internal sealed record IdentityOptions
{
    public const string Section = "Identity";

    public List<DevelopmentUser> Users { get; init; } = [];
}
