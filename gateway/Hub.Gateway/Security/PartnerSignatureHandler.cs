using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Security;

/// <summary>
/// Authenticates a partner hub by its request signature (<see cref="HubRequestSignature"/>): the caller must be a
/// hub in this hub's registry, the timestamp recent, and the HMAC over method, target, timestamp and body correct.
/// </summary>
internal sealed partial class PartnerSignatureHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<PartnerRegistry> registry,
    IOptionsMonitor<GatewayOptions> gateway,
    ServiceIdentity identity,
    TimeProvider clock,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "HubSignature";

    private readonly ILogger _log = loggerFactory.CreateLogger<PartnerSignatureHandler>();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        if (!headers.TryGetValue(HubRequestSignature.SignatureHeader, out var signature))
        {
            return AuthenticateResult.NoResult();
        }

        var claimed = headers[HubRequestSignature.HubHeader].ToString();
        if (!HubId.TryParse(claimed, out var partner) || partner == identity.Hub
            || !registry.CurrentValue.TryFind(partner, out var known) || known.Secret.Length == 0)
        {
            return Refuse(claimed, "the calling hub is not a partner of this hub");
        }

        if (!long.TryParse(headers[HubRequestSignature.TimestampHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > gateway.CurrentValue.PartnerClockSkew.TotalSeconds)
        {
            return Refuse(claimed, "the request timestamp is missing or outside the allowed clock skew");
        }

        Request.EnableBuffering();
        using var copy = new MemoryStream();
        await Request.Body.CopyToAsync(copy, Context.RequestAborted);
        Request.Body.Position = 0;
        // The body is read whole, within the gateway's limit (Gateway:MaxRequestBodyBytes): what is forwarded is the
        // buffered copy, so the limit has nothing left to guard. Said so, the proxy lifts it without warning about
        // every partner call.
        Context.Features.Set<IHttpMaxRequestBodySizeFeature>(new BodyAlreadyRead());

        var target = Context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : Request.Path.ToUriComponent() + Request.QueryString.ToUriComponent();
        if (!HubRequestSignature.Verify(known.Secret, Request.Method, target, timestamp, copy.GetBuffer().AsSpan(0, (int)copy.Length), signature))
        {
            return Refuse(claimed, "the signature does not match");
        }

        LogPartnerCall(partner.ToString(), Request.Method, target);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(HubClaimTypes.Subject, $"hub:{partner}"),
                new Claim(HubClaimTypes.Role, HubRoles.PartnerHub),
                new Claim(HubClaimTypes.Hub, partner.ToString()),
            ],
            SchemeName,
            HubClaimTypes.Subject,
            HubClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>
    /// A refused partner request is told why (unknown hub, clock skew, signature) in the problem's detail, or in the
    /// gRPC status message of a gRPC call (<see cref="Protection.GrpcProblemWriter"/>): the partner can fix its clock
    /// or its secret without asking this hub's operators.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The partner hub's request is not authenticated.",
                Detail = result.Failure is { } failure ? $"Refused: {failure.Message}." : "The request carries no partner signature.",
            },
        });
    }

    private AuthenticateResult Refuse(string claimed, string reason)
    {
        LogRefused(claimed, Request.Method, Request.Path, reason);
        return AuthenticateResult.Fail(reason);
    }

    // Debug: the gateway's access log names the partner of every call already.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Partner hub {Partner} called {Method} {Target}")]
    private partial void LogPartnerCall(string partner, string method, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a partner request claiming hub '{Partner}' for {Method} {Path}: {Reason}")]
    private partial void LogRefused(string partner, string method, string path, string reason);

    /// <summary>The request body size limit of a request whose body has been read and buffered.</summary>
    private sealed class BodyAlreadyRead : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }
}
