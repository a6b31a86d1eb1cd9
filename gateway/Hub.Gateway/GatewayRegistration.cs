using Hub.Gateway.Federation;
using Hub.Gateway.Health;
using Hub.Gateway.Identity;
using Hub.Gateway.Protection;
using Hub.Gateway.Routing;
using Hub.Gateway.Security;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Hub.Gateway;

internal static class GatewayRegistration
{
    /// <summary>The request timeout policy that routes name in <c>ReverseProxy:Routes:*:TimeoutPolicy</c>.</summary>
    public const string DefaultTimeoutPolicy = "default";

    private const string CallerScheme = "hub-caller";

    public static void AddGateway(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(GatewayOptions.Section);
        builder.Services.AddOptions<GatewayOptions>().Bind(settings);
        builder.Services.AddOptions<IdentityOptions>().Bind(builder.Configuration.GetSection(IdentityOptions.Section));
        var timeouts = settings.Get<GatewayOptions>()?.Timeouts ?? new GatewayOptions().Timeouts;
        builder.Services.AddRequestTimeouts(o =>
        {
            foreach (var (name, timeout) in timeouts)
            {
                o.AddPolicy(name, new RequestTimeoutPolicy { Timeout = timeout, TimeoutStatusCode = StatusCodes.Status504GatewayTimeout });
            }
        });

        // A partner hub proves itself by signing its requests; everyone else brings a bearer token.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CallerScheme;
                o.DefaultChallengeScheme = CallerScheme;
            })
            .AddPolicyScheme(CallerScheme, "Bearer token or partner signature", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(HubRequestSignature.SignatureHeader) ? PartnerSignatureHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, PartnerSignatureHandler>(PartnerSignatureHandler.SchemeName, null);

        // Ahead of the default writer, which takes any request without an Accept header, gRPC calls among them.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, GrpcProblemWriter>());
        // A service the gateway does not route is left to the 404 that names the method (UNIMPLEMENTED), rather than
        // to gRPC's own "Service is unimplemented." for the gateway's health service.
        builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(o => o.IgnoreUnknownServices = true);
        builder.Services.AddClientRateLimiting();
        builder.AddPublishingMessaging();
        builder.Services.AddHttpClient(FederatedCatalogSearch.HandlerName);
        builder.Services.AddHttpClient(HubReachabilityCheck.ClientName);
        builder.Services.AddSingleton<PartnerBreakers>();
        builder.Services.AddSingleton<FederatedCatalogSearch>();
        builder.Services.AddHealthChecks().AddCheck<HubReachabilityCheck>("hub", tags: [HealthTags.Ready]);

        // Routes and clusters are configuration (appsettings.json, the same for every hub); the hub file supplies ports.
        var proxy = builder.Configuration.GetSection("ReverseProxy");
        if (!proxy.GetSection("Routes").Exists())
        {
            // The content root is the working directory: started elsewhere, the gateway would run and route nothing.
            throw new InvalidOperationException(
                $"ReverseProxy:Routes is not configured. Is appsettings.json in the content root '{builder.Environment.ContentRootPath}'? Start the gateway from its project or publish directory.");
        }

        builder.Services.AddSingleton<IProxyConfigProvider, PartnerRouteProvider>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, PartnerSigningHttpClientFactory>();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(proxy)
            .AddTransforms(t =>
            {
                t.ForwardPartnerAsBearer();
                PartnerSigningHttpClientFactory.MarkForPartner(t);
            });
        builder.Services.AddSingleton<IDestinationResolver, ServiceDestinationResolver>();
    }

    /// <summary>The gateway's middleware and endpoints, around the proxy.</summary>
    public static void MapGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.Use(ProxyTimeout.AnswerAsync);
        app.MapTokenEndpoints();
        app.MapFederationEndpoints();
        app.MapFederatedMessageEndpoints();
        app.MapReverseProxy();
    }
}
