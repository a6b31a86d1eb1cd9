using Microsoft.AspNetCore.Hosting;

namespace Hub.Gateway.Tests;

public sealed class GatewayRegistrationTests
{
    [Fact]
    public void AddGateway_ContentRootWithoutRouteTable_FailsAtStartupNamingTheContentRoot()
    {
        var elsewhere = Directory.CreateTempSubdirectory("hub-gateway-").FullName;
        try
        {
            using var gateway = new GatewayFactory(new Dictionary<string, string>
            {
                ["Hub:Id"] = "KR",
                [WebHostDefaults.ContentRootKey] = elsewhere,
            });

            var error = Should.Throw<InvalidOperationException>(gateway.StartServer);

            error.Message.ShouldContain("ReverseProxy:Routes is not configured");
            error.Message.ShouldContain(elsewhere);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
