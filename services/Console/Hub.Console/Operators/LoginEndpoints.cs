using Hub.Console.Clients;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Console.Operators;

/// <summary>Signs operators in with the gateway's token endpoint and out again; the login page posts here.</summary>
internal static partial class LoginEndpoints
{
    public static void MapLoginEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/login", LogInAsync).AllowAnonymous();
        routes.MapPost("/account/logout", (Delegate)LogOutAsync).AllowAnonymous();
    }

    private static async Task<IResult> LogInAsync(
        [FromForm] string? user, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, GatewayClient gateway, ServiceIdentity identity, TimeProvider clock, ILoggerFactory logs)
    {
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
        {
            return Back("missing", returnUrl);
        }

        var result = await gateway.IssueTokenAsync(user, password, context.RequestAborted);
        var logger = logs.CreateLogger(typeof(LoginEndpoints));
        switch (result)
        {
            case { Outcome: TokenOutcome.Unavailable }:
                return Back("unavailable", returnUrl);
            case { Outcome: TokenOutcome.Issued, Token: { } token } when token.Role == HubRoles.Operator && token.Hub == identity.Hub.ToString():
                var properties = new AuthenticationProperties
                {
                    IssuedUtc = clock.GetUtcNow(),
                    ExpiresUtc = clock.GetUtcNow().AddSeconds(Math.Max(60, token.ExpiresIn)),
                };
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OperatorClaims.Principal(user, token), properties);
                LogSignedIn(logger, user);
                return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "~/");
            case { Outcome: TokenOutcome.Issued }:
                LogRefused(logger, user, "not an operator of this hub");
                return Back("not-operator", returnUrl);
            default:
                LogRefused(logger, user, "unknown user or wrong password");
                return Back("refused", returnUrl);
        }
    }

    private static async Task<IResult> LogOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("~/login");
    }

    private static RedirectHttpResult Back(string error, string? returnUrl) =>
        TypedResults.LocalRedirect(IsLocal(returnUrl)
            ? $"~/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl!)}"
            : $"~/login?error={error}");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    [LoggerMessage(LogLevel.Information, "Operator {User} signed in")]
    private static partial void LogSignedIn(ILogger logger, string user);

    [LoggerMessage(LogLevel.Warning, "Sign-in refused for {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string user, string reason);
}
