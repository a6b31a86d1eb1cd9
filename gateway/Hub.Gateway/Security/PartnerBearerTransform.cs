using Hub.ServiceDefaults.Security;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Hub.Gateway.Security;

/// <summary>
/// A partner hub's request, once its signature is verified, reaches this hub's services with a bearer token of this
/// hub naming the partner (role partner-hub), so services apply one kind of credential and see who called.
/// </summary>
internal static class PartnerBearerTransform
{
    public static void ForwardPartnerAsBearer(this TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            var user = transform.HttpContext.User;
            if (user.Identity?.AuthenticationType == PartnerSignatureHandler.SchemeName && Caller.TryFrom(user, out var caller))
            {
                var issuer = transform.HttpContext.RequestServices.GetRequiredService<HubTokenIssuer>();
                transform.ProxyRequest.Headers.Authorization = new("Bearer", issuer.IssueForPartnerHub(caller.Hub));
                transform.ProxyRequest.Headers.Remove(HubRequestSignature.SignatureHeader);
                transform.ProxyRequest.Headers.Remove(HubRequestSignature.TimestampHeader);
            }

            return ValueTask.CompletedTask;
        });
}
