using System.Security.Claims;
using Hub.Console.Clients;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hub.Console.Operators;

/// <summary>
/// The operator's session: the hub claims the gateway's token carries (so the shared <see cref="HubPolicies.Operator"/>
/// policy applies) and the bearer token itself, kept inside the encrypted authentication cookie.
/// </summary>
internal static class OperatorClaims
{
    public const string AccessToken = "access_token";

    public static ClaimsPrincipal Principal(string user, IssuedToken token) =>
        new(new ClaimsIdentity(
            [
                new Claim(HubClaimTypes.Subject, user),
                new Claim(HubClaimTypes.Role, token.Role),
                new Claim(HubClaimTypes.Hub, token.Hub),
                new Claim(AccessToken, token.AccessToken),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            HubClaimTypes.Subject,
            HubClaimTypes.Role));

    public static string? AccessTokenOf(ClaimsPrincipal? user) => user?.FindFirst(AccessToken)?.Value;
}
