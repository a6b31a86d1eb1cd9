using System.Text.Json;
using Hub.Testing;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// What the benchmark needs from a hub file in <c>deploy/hubs</c> (the gateway and the users) and from the secrets
/// <c>./hub up</c> wrote beside it in <c>.hub/secrets</c> (the databases).
/// </summary>
internal sealed record HubFile(
    string Id, Uri Gateway, IReadOnlyDictionary<string, string> Passwords, IReadOnlyDictionary<string, string> Companies, IReadOnlyDictionary<string, string> ConnectionStrings)
{
    public static HubFile Load(string hub)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root(), "deploy", "hubs", $"{hub.ToLowerInvariant()}.json")));
        var secretsFile = Path.Combine(Repository.Root(), ".hub", "secrets", $"{hub.ToLowerInvariant()}.json");
        using var secrets = JsonDocument.Parse(File.Exists(secretsFile)
            ? File.ReadAllText(secretsFile)
            : throw new InvalidOperationException($"No {secretsFile}: the order benchmark runs against the hubs ./hub up started."));
        var root = document.RootElement;
        var users = root.GetProperty("Identity").GetProperty("Users").EnumerateArray().ToList();
        return new HubFile(
            root.GetProperty("Hub").GetProperty("Id").GetString()!,
            new Uri(root.GetProperty("Services").GetProperty("Gateway").GetProperty("Http").GetString()!),
            users.ToDictionary(u => u.GetProperty("User").GetString()!, u => u.GetProperty("Password").GetString()!),
            users.Where(u => u.TryGetProperty("Company", out _))
                .ToDictionary(u => u.GetProperty("User").GetString()!, u => u.GetProperty("Company").GetString()!),
            secrets.RootElement.GetProperty("ConnectionStrings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    public string Password(string user) =>
        Passwords.TryGetValue(user, out var password) ? password : throw new InvalidOperationException($"Hub {Id}'s file lists no user {user}.");

    /// <summary>The users of a company, in the file's order.</summary>
    public IReadOnlyList<string> UsersOf(string company) => [.. Companies.Where(c => c.Value == company).Select(c => c.Key)];

    public string Company(string user) =>
        Companies.TryGetValue(user, out var company) ? company : throw new InvalidOperationException($"Hub {Id}'s file gives user {user} no company.");
}
