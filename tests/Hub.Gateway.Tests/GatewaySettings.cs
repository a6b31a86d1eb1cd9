using Hub.Gateway.Tests.Fakes;

namespace Hub.Gateway.Tests;

/// <summary>Gateway settings with every service pointed at a closed port unless the test says otherwise.</summary>
internal static class GatewaySettings
{
    public static Dictionary<string, string> For(string hub, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string> { ["Hub:Id"] = hub };
        foreach (var name in GatewayFactory.ServiceNames)
        {
            settings[$"Services:{name}:Http"] = Backend.ClosedAddress();
            settings[$"Services:{name}:Grpc"] = Backend.ClosedAddress();
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }
}
