using Microsoft.Extensions.Configuration;

namespace Hub.ServiceDefaults.Hosting;

/// <summary>Loads the hub's own configuration file (deploy/hubs/&lt;hub&gt;.json) named by <c>HUB_CONFIG</c>.</summary>
public static class HubConfiguration
{
    /// <summary>
    /// Adds the hub file on top of the usual sources. It is watched, so registry changes (partner hubs, limits)
    /// apply without a restart; environment variables and the command line still override it.
    /// </summary>
    public static void AddHubConfigurationFile(this IConfigurationManager configuration)
    {
        var path = configuration["HUB_CONFIG"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The hub configuration file '{path}' named by HUB_CONFIG does not exist.", path);
        }

        var sources = configuration.Sources;
        var insertAt = sources.TakeWhile(s => s is not Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource).Count();
        var builder = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: true);
        sources.Insert(insertAt, builder.Sources[0]);
    }
}
