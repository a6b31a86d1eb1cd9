namespace Hub.Console.Clients;

/// <summary>
/// What the gateway says of its hub: its check "hub" describes each process as <c>service:&lt;Name&gt; ready|not ready</c>
/// and each partner as <c>partner:&lt;HUB&gt; reachable|unreachable</c>, comma-separated.
/// </summary>
internal sealed record GatewayReadiness(string Status, IReadOnlyDictionary<string, string> Services, IReadOnlyDictionary<string, string> Partners)
{
    public static GatewayReadiness Unreachable { get; } = new("Unreachable", new Dictionary<string, string>(), new Dictionary<string, string>());

    public static GatewayReadiness From(HealthReportBody? report)
    {
        var services = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var partners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var description = report?.Checks?.GetValueOrDefault("hub")?.Description ?? "";
        foreach (var entry in description.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = entry.IndexOf(' ', StringComparison.Ordinal);
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (space < 0 || colon < 0 || colon > space)
            {
                continue;
            }

            var name = entry[(colon + 1)..space];
            var state = entry[(space + 1)..];
            switch (entry[..colon])
            {
                case "service":
                    services[name] = state;
                    break;
                case "partner":
                    partners[name] = state;
                    break;
            }
        }

        return new GatewayReadiness(report?.Status ?? "Unknown", services, partners);
    }
}
