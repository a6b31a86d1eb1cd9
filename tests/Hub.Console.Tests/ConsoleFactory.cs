using Hub.Console.Tests.Fakes;
using Hub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Console.Tests;

/// <summary>
/// The console of hub KR on a real Kestrel port (the browser needs one), against the fake hub and a test vhost; its key
/// ring in <paramref name="keyRing"/> (a database's connection string) encrypted under <paramref name="keyRingSecret"/>,
/// else in the process's key directory.
/// </summary>
internal sealed class ConsoleFactory(FakeHub hub, TestVirtualHost vhost, string address, string? keyRing = null, string? keyRingSecret = null)
    : WebApplicationFactory<ConsoleOptions>
{
    public string Address { get; } = address;

    public string Partner { get; } = FakeHub.ClosedAddress();

    // UseSetting rather than ConfigureAppConfiguration: AddServiceDefaults reads Hub:Id and the ports while the builder is set up.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Id"] = "KR",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Services:Console:Http"] = Address,
            ["Services:Gateway:Http"] = hub.Gateway,
            ["Services:Catalog:Http"] = hub.Catalog,
            ["Services:Order:Http"] = hub.Order,
            ["Partners:CN:Name"] = "Hub China",
            ["Partners:CN:Currency"] = "CNY",
            ["Partners:CN:Gateway"] = hub.Gateway,
            ["Partners:CN:Secret"] = "cn-kr-test-secret",
            ["Partners:MY:Name"] = "Hub Malaysia",
            ["Partners:MY:Currency"] = "MYR",
            ["Partners:MY:Gateway"] = Partner,
            ["Partners:MY:Secret"] = "my-kr-test-secret",
            ["Console:BrokerManagement"] = vhost.Servers.RabbitMqManagement.GetLeftPart(UriPartial.Authority),
            ["Console:SampleInterval"] = "00:00:01",
        };
        if (keyRing is not null)
        {
            settings["ConnectionStrings:Console"] = keyRing;
            settings["Console:KeyRing:Secret"] = keyRingSecret;
        }

        foreach (var (key, value) in vhost.Settings().Concat(TestSecurity.Settings()).Concat(settings))
        {
            builder.UseSetting(key, value);
        }
    }
}
