using Hub.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Benchmarks.Gateway;

/// <summary>A Hub process (service or gateway) on real Kestrel endpoints, configured as its hub file would.</summary>
/// <typeparam name="TMarker">A public type of the process's assembly.</typeparam>
internal sealed class KestrelFactory<TMarker> : WebApplicationFactory<TMarker>
    where TMarker : class
{
    private readonly IEnumerable<KeyValuePair<string, string?>> _settings;

    /// <param name="settings">Configuration keys, as the hub file would give them.</param>
    /// <param name="projectDirectory">The project folder relative to the repository root: the content root with its appsettings.json.</param>
    public KestrelFactory(IEnumerable<KeyValuePair<string, string?>> settings, string projectDirectory)
    {
        _settings = settings;
        var assembly = typeof(TMarker).Assembly.GetName().Name!;
        Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{assembly.Replace('.', '_').ToUpperInvariant()}", Path.Combine(Repository.Root(), projectDirectory));
        UseKestrel();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
