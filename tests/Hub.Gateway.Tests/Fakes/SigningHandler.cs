using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>Signs requests as <paramref name="self"/> would sign them for a partner, with a chosen secret and clock.</summary>
public sealed class SigningHandler(HubId self, string secret, DateTimeOffset? at = null, Action<HttpRequestMessage>? afterSigning = null)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await PartnerRequestSigner.SignAsync(request, self, secret, at ?? DateTimeOffset.UtcNow, cancellationToken);
        afterSigning?.Invoke(request);
        return await base.SendAsync(request, cancellationToken);
    }
}
