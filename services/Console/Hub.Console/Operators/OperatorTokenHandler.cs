using System.Net.Http.Headers;

namespace Hub.Console.Operators;

/// <summary>Calls through the gateway carry the signed-in operator's bearer token; every gateway API client uses this handler.</summary>
internal sealed class OperatorTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (OperatorClaims.AccessTokenOf(accessor.HttpContext?.User) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
