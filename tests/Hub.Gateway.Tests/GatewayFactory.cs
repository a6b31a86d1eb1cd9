using Hub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Gateway.Tests;

/// <summary>The gateway in memory, configured like a hub file would configure it (there is no HUB_CONFIG here).</summary>
/// <param name="settings">The gateway's settings.</param>
/// <param name="services">Registrations that replace the gateway's own (a name resolver, say).</param>
internal sealed class GatewayFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly string[] ServiceNames = ["Catalog", "Order", "Customs", "Logistics", "Payment", "TaxRefund", "Console"];

    // UseSetting rather than ConfigureAppConfiguration: AddServiceDefaults reads Hub:Id while the builder is being set up.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestSecurity.Settings().Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))))
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
