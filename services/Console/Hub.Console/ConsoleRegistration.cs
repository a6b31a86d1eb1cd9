using Hub.Console.Clients;
using Hub.Console.Components;
using Hub.Console.Data;
using Hub.Console.ErrorQueues;
using Hub.Console.Metrics;
using Hub.Console.Operators;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Hub.Console;

/// <summary>The operator console: cookie sign-in through the gateway, typed API clients, pages and their actions.</summary>
internal static class ConsoleRegistration
{
    /// <summary>Where the gateway routes the console (<c>/console/{**rest}</c>); the console also answers there when called directly.</summary>
    public const string PathBase = "/console";

    public static void AddConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().Bind(builder.Configuration.GetSection(ConsoleOptions.Section));
        builder.Services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection("Messaging"));

        // Hubs on one host (KR and CN locally) share the browser's cookies: keep them apart.
        var hub = builder.GetServiceIdentity().Hub.ToString().ToLowerInvariant();
        var keys = builder.Services.AddDataProtection().SetApplicationName($"hub-console-{hub}");
        // The key ring in the console's database, each key encrypted: every replica reads the cookies and form tokens
        // another issued, and a restart signs no operator out. Without a database the keys stay in this process's key
        // directory.
        if (builder.TryAddProcessDatabase<ConsoleDbContext>())
        {
            var key = KeyRingKey.From(builder.Configuration[KeyRingKey.Setting]);
            builder.Services.AddSingleton(key);
            keys.PersistKeysToDbContext<ConsoleDbContext>();
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingEncryptor(key));
        }
        else
        {
            builder.Services.AddHostedService<KeyRingWarning>();
        }
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = $"hub-console-{hub}";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/login";
                o.SlidingExpiration = false;
            });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorComponents();

        builder.Services.AddTransient<OperatorTokenHandler>();
        builder.Services.AddSingleton<HubTopology>();
        builder.Services.AddHttpClient<GatewayClient>(ToGateway).AddHttpMessageHandler<OperatorTokenHandler>();
        builder.Services.AddHttpClient<OperatorApi>(ToGateway).AddHttpMessageHandler<OperatorTokenHandler>();
        builder.Services.AddHttpClient<ServiceHealthClient>();
        builder.Services.AddHttpClient<PartnerClient>();
        builder.Services.AddHttpClient<MetricsClient>();
        builder.Services.AddHttpClient<BrokerManagementClient>(ToBrokerManagement);
        builder.Services.AddSingleton<ErrorQueueMover>();

        builder.Services.AddSingleton<ConsoleMetrics>();
        builder.Services.AddHostedService<ConsoleMetricsSampler>();
    }

    /// <summary>Path base first so that routing sees the path without <c>/console</c>.</summary>
    public static void UseConsolePathBase(this WebApplication app)
    {
        app.UsePathBase(PathBase);
        app.UseRouting();
    }

    public static void MapConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapLoginEndpoints();
        app.MapErrorQueueEndpoints();
        app.MapRazorComponents<App>().RequireAuthorization(HubPolicies.Operator);
    }

    private static void ToGateway(IServiceProvider services, HttpClient http)
    {
        var address = services.GetRequiredService<IConfiguration>()["Services:Gateway:Http"]
            ?? throw new InvalidOperationException("Services:Gateway:Http is not configured.");
        http.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(10);
    }

    private static void ToBrokerManagement(IServiceProvider services, HttpClient http)
    {
        var broker = services.GetRequiredService<IOptions<ConsoleOptions>>().Value.BrokerManagement;
        var messaging = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        http.BaseAddress = new Uri(broker.GetLeftPart(UriPartial.Authority) + "/");
        http.Timeout = TimeSpan.FromSeconds(10);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{messaging.Username}:{messaging.Password}")));
    }
}
