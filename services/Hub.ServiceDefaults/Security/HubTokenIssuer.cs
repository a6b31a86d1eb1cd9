using System.Security.Claims;
using Hub.Contracts.Values;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.ServiceDefaults.Security;

/// <summary>Signs bearer tokens for the hub's own users (development and tests; production uses an OIDC issuer).</summary>
public sealed class HubTokenIssuer(IOptions<SecurityOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A token for an SME user of <paramref name="company"/>.</summary>
    public string IssueForSme(string subject, CompanyId company) =>
        Issue(subject, HubRoles.Sme, company.Hub, company);

    /// <summary>A token for an operator of <paramref name="hub"/>.</summary>
    public string IssueForOperator(string subject, HubId hub) => Issue(subject, HubRoles.Operator, hub, null);

    /// <summary>A token for a partner hub calling this one.</summary>
    public string IssueForPartnerHub(HubId partner) => Issue($"hub:{partner}", HubRoles.PartnerHub, partner, null);

    private string Issue(string subject, string role, HubId hub, CompanyId? company)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var settings = options.Value;
        var key = SecurityRegistration.SigningKeyOf(settings)
            ?? throw new InvalidOperationException("Security:SigningKey is not configured; this hub does not issue its own tokens.");
        var claims = new Dictionary<string, object>
        {
            [HubClaimTypes.Subject] = subject,
            [HubClaimTypes.Role] = role,
            [HubClaimTypes.Hub] = hub.ToString(),
        };
        if (company is { } id)
        {
            claims[HubClaimTypes.Company] = id.ToString();
        }

        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(),
        });
    }
}
