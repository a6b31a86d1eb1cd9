using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Hub.Gateway.Federation;

/// <summary>
/// Signs proxied requests bound for a partner hub at the last moment, when the final target URI is known, so the
/// partner verifies exactly what was sent. The proxy route marks such requests (<see cref="MarkForPartner"/>).
/// </summary>
internal sealed class PartnerSigningHttpClientFactory(
    ServiceIdentity identity, IOptionsMonitor<PartnerRegistry> registry, TimeProvider clock, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    private static readonly HttpRequestOptionsKey<string> PartnerKey = new("hub-partner");

    /// <summary>Adds the marking transform on routes that lead to a partner hub; the caller's token stays home.</summary>
    public static void MarkForPartner(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.TryGetValue(PartnerRouteProvider.PartnerMetadata, out var partner) != true)
        {
            return;
        }

        context.AddRequestTransform(transform =>
        {
            transform.ProxyRequest.Options.Set(PartnerKey, partner!);
            transform.ProxyRequest.Headers.Authorization = null;
            return ValueTask.CompletedTask;
        });
    }

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new Signer(identity.Hub, registry, clock) { InnerHandler = base.WrapHandler(context, handler) };

    private sealed class Signer(HubId self, IOptionsMonitor<PartnerRegistry> registry, TimeProvider clock) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(PartnerKey, out var partner))
            {
                var hub = HubId.Parse(partner);
                if (!registry.CurrentValue.TryFind(hub, out var known) || known.Secret.Length == 0)
                {
                    return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { RequestMessage = request };
                }

                await PartnerRequestSigner.SignAsync(request, self, known.Secret, clock.GetUtcNow(), cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
