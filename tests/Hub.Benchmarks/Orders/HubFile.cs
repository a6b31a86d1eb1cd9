using System.Text.Json;

namespace Hub.Benchmarks.Orders;

/// <summary>What the benchmark needs from a hub file in <c>deploy/hubs</c>: the gateway, the users and the databases.</summary>
internal sealed record HubFile(
    string Id, Uri Gateway, IReadOnlyDictionary<string, string> Passwords, IReadOnlyDictionary<string, string> Companies, IReadOnlyDictionary<string, string> ConnectionStrings)
{
    public static HubFile Load(string hub)
    {
        var path = Path.Combine(RepositoryRoot(), "deploy", "hubs", $"{hub.ToLowerInvariant()}.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var users = root.GetProperty("Identity").GetProperty("Users").EnumerateArray().ToList();
        return new HubFile(
            root.GetProperty("Hub").GetProperty("Id").GetString()!,
            new Uri(root.GetProperty("Services").GetProperty("Gateway").GetProperty("Http").GetString()!),
            users.ToDictionary(u => u.GetProperty("User").GetString()!, u => u.GetProperty("Password").GetString()!),
            users.Where(u => u.TryGetProperty("Company", out _))
                .ToDictionary(u => u.GetProperty("User").GetString()!, u => u.GetProperty("Company").GetString()!),
            root.GetProperty("ConnectionStrings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    public string Password(string user) =>
        Passwords.TryGetValue(user, out var password) ? password : throw new InvalidOperationException($"Hub {Id}'s file lists no user {user}.");

    /// <summary>The users of a company, in the file's order.</summary>
    public IReadOnlyList<string> UsersOf(string company) => [.. Companies.Where(c => c.Value == company).Select(c => c.Key)];

    public string Company(string user) =>
        Companies.TryGetValue(user, out var company) ? company : throw new InvalidOperationException($"Hub {Id}'s file gives user {user} no company.");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "deploy", "hubs")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the order benchmark from the repository (deploy/hubs holds the hub files).");
    }
}
