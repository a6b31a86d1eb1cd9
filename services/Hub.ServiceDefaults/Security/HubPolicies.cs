namespace Hub.ServiceDefaults.Security;

/// <summary>Authorization policy names, shared by every service and the gateway.</summary>
public static class HubPolicies
{
    /// <summary>An SME user acting for its company.</summary>
    public const string Sme = "sme";

    /// <summary>An operator of this hub.</summary>
    public const string Operator = "operator";

    /// <summary>A partner hub calling through its gateway.</summary>
    public const string PartnerHub = "partner-hub";

    /// <summary>An SME user or an operator: endpoints that filter by company unless the caller is an operator.</summary>
    public const string SmeOrOperator = "sme-or-operator";

    /// <summary>Anyone with a valid hub identity: an SME user or operator of this hub, or a partner hub.</summary>
    public const string AnyCaller = "hub-caller";
}
