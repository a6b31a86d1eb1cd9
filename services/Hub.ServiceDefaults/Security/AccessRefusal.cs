using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Hub.ServiceDefaults.Security;

/// <summary>
/// What a 401 or 403 problem says: why the bearer token was refused (none sent, expired, not this hub's, …) or which
/// caller may not make the call, so an app can tell "sign in again" from "not allowed".
/// </summary>
internal static class AccessRefusal
{
    private static readonly object ReasonKey = new();

    /// <summary>Notes why the token was refused, for the problem the challenge writes.</summary>
    /// <param name="challenge">The bearer challenge.</param>
    public static Task NoteAsync(JwtBearerChallengeContext challenge)
    {
        challenge.HttpContext.Items[ReasonKey] = challenge.AuthenticateFailure switch
        {
            null => "This call needs a bearer token in the Authorization header.",
            SecurityTokenExpiredException expired => $"The bearer token expired at {expired.Expires:yyyy-MM-ddTHH:mm:ssZ}; get a new one.",
            SecurityTokenNotYetValidException => "The bearer token is not valid yet; check the issuer's clock.",
            SecurityTokenInvalidAudienceException => "The bearer token is meant for another audience.",
            SecurityTokenInvalidIssuerException => "The bearer token comes from an issuer this hub does not trust.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token is not signed by an issuer this hub trusts.",
            _ => "The bearer token could not be read.",
        };
        return Task.CompletedTask;
    }

    /// <summary>The problem's detail for a refused call; null for other statuses.</summary>
    /// <param name="context">The refused request.</param>
    /// <param name="status">The problem's status.</param>
    public static string? Detail(HttpContext context, int? status) => status switch
    {
        StatusCodes.Status401Unauthorized => context.Items[ReasonKey] as string ?? "This call needs a valid bearer token.",
        StatusCodes.Status403Forbidden => Caller.TryFrom(context.User, out var caller)
            ? $"A caller with role {caller.Role} of hub {caller.Hub} may not make this call."
            : "The bearer token does not name a caller of this hub.",
        _ => null,
    };
}
