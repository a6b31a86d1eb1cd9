using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;

namespace Hub.Testing;

/// <summary>The token settings every hosted service under test uses, and bearer tokens signed with them.</summary>
public static class TestSecurity
{
    private static readonly SecurityOptions Options = new()
    {
        Issuer = "https://tests.hub.local",
        Audience = "hub",
        SigningKey = "tests-only-signing-key-0123456789abcdef",
    };

    private static readonly HubTokenIssuer Issuer = new(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);

    /// <summary>Configuration keys for a hosted service or gateway.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Security:Issuer", Options.Issuer),
        new("Security:Audience", Options.Audience),
        new("Security:SigningKey", Options.SigningKey!),
    ];

    /// <summary>A token for a user of <paramref name="company"/>.</summary>
    public static string Sme(CompanyId company, string user = "user-1") => Issuer.IssueForSme(user, company);

    /// <summary>A token for an operator of <paramref name="hub"/>.</summary>
    public static string Operator(HubId hub, string user = "operator-1") => Issuer.IssueForOperator(user, hub);

    /// <summary>A token for <paramref name="partner"/> calling as a partner hub.</summary>
    public static string PartnerHub(HubId partner) => Issuer.IssueForPartnerHub(partner);

    /// <summary>gRPC call headers carrying <paramref name="token"/>, as a caller's channel sends them.</summary>
    public static Grpc.Core.Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };
}
