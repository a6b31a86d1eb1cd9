namespace Hub.ServiceDefaults.Security;

/// <summary>The roles a caller of a hub can hold (the <c>role</c> claim).</summary>
public static class HubRoles
{
    /// <summary>A user of a small or medium company: buys, sells, or both, and sees only its company's data.</summary>
    public const string Sme = "sme";

    /// <summary>A person running the hub: sees everything, decides holds, disputes and refund claims.</summary>
    public const string Operator = "operator";

    /// <summary>Another hub calling through its gateway; the <c>hub</c> claim says which one.</summary>
    public const string PartnerHub = "partner-hub";
}
