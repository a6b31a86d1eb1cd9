using Hub.Gateway.Correlation;
using Hub.Gateway.Routing;

namespace Hub.Gateway;

internal static class GatewayRegistration
{
    /// <summary>The request timeout policy that routes name in <c>ReverseProxy:Routes:*:TimeoutPolicy</c>.</summary>
    public const string DefaultTimeoutPolicy = "default";

    public static void AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddRequestTimeouts(o => o.AddPolicy(DefaultTimeoutPolicy, TimeSpan.FromSeconds(30)));

        // Routes and clusters are configuration (appsettings.json, the same for every hub); the hub file supplies ports.
        var proxy = builder.Configuration.GetSection("ReverseProxy");
        if (!proxy.GetSection("Routes").Exists())
        {
            // The content root is the working directory: started elsewhere, the gateway would run and route nothing.
            throw new InvalidOperationException(
                $"ReverseProxy:Routes is not configured. Is appsettings.json in the content root '{builder.Environment.ContentRootPath}'? Start the gateway from its project or publish directory.");
        }

        builder.Services.AddReverseProxy()
            .LoadFromConfig(proxy)
            .AddConfigFilter<ServiceAddressFilter>()
            .AddTransforms(t => t.AddCorrelationId());
    }
}
