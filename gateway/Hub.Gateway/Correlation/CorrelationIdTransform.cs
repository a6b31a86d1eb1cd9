using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Hub.Gateway.Correlation;

/// <summary>Gives every proxied request an <c>X-Correlation-Id</c>, kept when the caller sent one, and echoes it.</summary>
internal static class CorrelationIdTransform
{
    public const string HeaderName = "X-Correlation-Id";

    public static void AddCorrelationId(this TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            var http = transform.HttpContext;
            string id = http.Request.Headers[HeaderName].ToString();
            if (string.IsNullOrWhiteSpace(id))
            {
                id = Guid.NewGuid().ToString("N");
                transform.ProxyRequest.Headers.TryAddWithoutValidation(HeaderName, id);
            }

            // On starting rather than as a response transform, so a 502 or 504 from the gateway carries it too.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });
            return ValueTask.CompletedTask;
        });
}
