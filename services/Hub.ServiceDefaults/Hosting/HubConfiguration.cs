using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Hub.ServiceDefaults.Hosting;

/// <summary>
/// Loads the hub's own configuration file (deploy/hubs/&lt;hub&gt;.json) named by <c>HUB_CONFIG</c>, and over it the
/// file of its secrets named by <c>HUB_SECRETS</c> (connection strings, the broker's credentials, the signing key,
/// partner secrets), so that the hub file holds none: <c>./hub up</c> writes one per hub, a cluster mounts it from a
/// secret of its own.
/// </summary>
public static class HubConfiguration
{
    /// <summary>
    /// Adds the hub file, then the secrets file, on top of the usual sources. Both are watched, so registry changes
    /// (partner hubs, limits, a partner's new secret) apply without a restart; environment variables and the command
    /// line still override them.
    /// </summary>
    public static void AddHubConfigurationFile(this IConfigurationManager configuration)
    {
        var insertAt = configuration.Sources.TakeWhile(s => s is not EnvironmentVariablesConfigurationSource).Count();
        foreach (var variable in (string[])["HUB_CONFIG", "HUB_SECRETS"])
        {
            var path = configuration[variable];
            if (string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The file '{path}' named by {variable} does not exist.", path);
            }

            var builder = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: true);
            configuration.Sources.Insert(insertAt++, builder.Sources[0]);
        }
    }
}
