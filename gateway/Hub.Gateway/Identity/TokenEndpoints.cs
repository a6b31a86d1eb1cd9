using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Identity;

/// <summary><c>POST /api/identity/token</c>: the hub signs a bearer token for one of its development users.</summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/identity/token", IssueToken).AllowAnonymous().WithName("IssueToken").WithTags("Identity");

    public sealed record TokenRequest(string? User, string? Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role, string Hub, string? Company);

    private static Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult> IssueToken(
        TokenRequest request, IOptionsMonitor<IdentityOptions> users, IOptions<SecurityOptions> security, HubTokenIssuer issuer, ServiceIdentity identity)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.User))
        {
            errors["user"] = ["A user name is required."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The token request is incomplete.");
        }

        var user = users.CurrentValue.Users.FirstOrDefault(u => u.User == request.User);
        if (user is null || !SamePassword(user.Password, request.Password!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown user or wrong password.");
        }

        string token;
        CompanyId? company = null;
        switch (user.Role)
        {
            case HubRoles.Sme when CompanyId.TryParse(user.Company, out var id) && id.Hub == identity.Hub:
                company = id;
                token = issuer.IssueForSme(user.User, id);
                break;
            case HubRoles.Operator:
                token = issuer.IssueForOperator(user.User, identity.Hub);
                break;
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError,
                    title: "The user is misconfigured.", detail: $"Identity:Users entry '{user.User}' needs role sme with a company of hub {identity.Hub}, or role operator.");
        }

        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)security.Value.TokenLifetime.TotalSeconds, user.Role, identity.Hub.ToString(), company?.ToString()));
    }

    private static bool SamePassword(string expected, string given) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
