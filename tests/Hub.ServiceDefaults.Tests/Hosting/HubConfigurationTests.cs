using Hub.ServiceDefaults.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hub.ServiceDefaults.Tests.Hosting;

public sealed class HubConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-config-").FullName;

    [Fact]
    public void SecretsFile_OverridesTheHubFile_EnvironmentOverridesBoth()
    {
        var hubFile = Write("kr.json", """{ "Hub": { "Id": "KR" }, "Security": { "SigningKey": "in-the-hub-file" }, "Messaging": { "Password": "in-the-hub-file" } }""");
        var secrets = Write("secrets.json", """{ "Security": { "SigningKey": "in-the-secrets" }, "Messaging": { "Password": "in-the-secrets" } }""");
        var variables = $"HUB_CONFIG_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable($"{variables}Messaging__Password", "in-the-environment");
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["HUB_CONFIG"] = hubFile, ["HUB_SECRETS"] = secrets });
            configuration.AddEnvironmentVariables(variables);

            configuration.AddHubConfigurationFile();

            configuration["Hub:Id"].ShouldBe("KR");
            configuration["Security:SigningKey"].ShouldBe("in-the-secrets");
            configuration["Messaging:Password"].ShouldBe("in-the-environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{variables}Messaging__Password", null);
        }
    }

    [Fact]
    public void MissingSecretsFile_IsRefused_NamingIt()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HUB_CONFIG"] = Write("kr.json", """{ "Hub": { "Id": "KR" } }"""),
            ["HUB_SECRETS"] = Path.Combine(_folder, "absent.json"),
        });

        var refused = Should.Throw<FileNotFoundException>(configuration.AddHubConfigurationFile);

        refused.Message.ShouldContain("absent.json");
        refused.Message.ShouldContain("HUB_SECRETS");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
