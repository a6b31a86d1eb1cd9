namespace Hub.ServiceDefaults.Security;

/// <summary>Claim names in the hub's bearer tokens.</summary>
public static class HubClaimTypes
{
    /// <summary>The user (or, for a partner hub, the calling hub's client) id.</summary>
    public const string Subject = "sub";

    /// <summary>One of <see cref="HubRoles"/>.</summary>
    public const string Role = "role";

    /// <summary>The hub-qualified company id of an SME user, e.g. "KR-C-000042".</summary>
    public const string Company = "company";

    /// <summary>The hub the caller belongs to: the issuing hub for its own users, the partner's id for a partner hub.</summary>
    public const string Hub = "hub";
}
