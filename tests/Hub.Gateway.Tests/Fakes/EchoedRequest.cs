namespace Hub.Gateway.Tests.Fakes;

/// <summary>What the REST backend received, as it tells the caller.</summary>
public sealed record EchoedRequest(string Path, string Query, int Port, string Protocol, Dictionary<string, string> Headers)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
