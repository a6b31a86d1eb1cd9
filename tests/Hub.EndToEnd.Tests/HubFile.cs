using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hub.Testing;
using Npgsql;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A hub file for the tests, derived from deploy/hubs/&lt;hub&gt;.json: free ports, databases and a virtual host of its
/// own, extra users, keys of its own, and the short timeouts and redeliveries the scenarios need. Partners are wired by
/// <see cref="PointAt"/>.
/// </summary>
internal sealed class HubFile
{
    private readonly JsonNode _json;

    private HubFile(string hub, JsonNode json)
    {
        Hub = hub;
        _json = json;
    }

    public string Hub { get; }

    public static IReadOnlyList<string> Services => HubSecrets.Services;

    public string Address(string process, string endpoint = "Http") => _json["Services"]![process]![endpoint]!.GetValue<string>();

    /// <summary>Reads the deployed hub file and gives it fresh addresses, the databases, the virtual host and the users.</summary>
    public static HubFile Derive(string repositoryRoot, string hub, IReadOnlyDictionary<string, TestDatabase> databases, TestVirtualHost vhost,
        IEnumerable<(string User, string Password, string Role, string? Company)> extraUsers)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "deploy", "hubs", $"{hub.ToLowerInvariant()}.json")))!;
        foreach (var (_, endpoints) in json["Services"]!.AsObject())
        {
            foreach (var name in endpoints!.AsObject().Select(p => p.Key).ToList())
            {
                endpoints[name] = TestPorts.FreeAddress();
            }
        }

        // The secrets ./hub up keeps apart (deploy/scripts/hub-secrets.py) are the test's own, in the same file. A busy
        // shared server may take longer than Npgsql's default 15 s to hand out a connection.
        var connectionStrings = new JsonObject();
        foreach (var service in Services)
        {
            connectionStrings[service] = new NpgsqlConnectionStringBuilder(databases[service].ConnectionString) { Pooling = true, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
        }

        json["ConnectionStrings"] = connectionStrings;
        json["Security"]!["SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

        var messaging = json["Messaging"]!;
        foreach (var (key, value) in vhost.Settings())
        {
            var name = key["Messaging:".Length..];
            messaging[name] = name == "Port" ? int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) : value;
        }

        // A cross-hub call refused while a gateway is down is redelivered within seconds, not minutes.
        messaging["Redelivery"] = new JsonArray("00:00:03", "00:00:05", "00:00:10", "00:00:15", "00:00:20", "00:00:30", "00:00:30", "00:00:30");
        json["Order"] = new JsonObject { ["SweepInterval"] = "00:00:02" };
        var users = json["Identity"]!["Users"]!.AsArray();
        foreach (var (user, password, role, company) in extraUsers)
        {
            users.Add(new JsonObject { ["User"] = user, ["Password"] = password, ["Role"] = role, ["Company"] = company });
        }

        return new HubFile(hub, json);
    }

    /// <summary>Makes <paramref name="partner"/>'s gateway this hub's partner at its test addresses, sharing <paramref name="secret"/>.</summary>
    public void PointAt(HubFile partner, string secret)
    {
        var entry = _json["Partners"]![partner.Hub]!;
        entry["Gateway"] = partner.Address("Gateway");
        entry["GatewayGrpc"] = partner.Address("Gateway", "Grpc");
        entry["Secret"] = secret;
    }

    /// <summary>The secret this hub and <paramref name="partner"/> sign their requests to each other with.</summary>
    public string PartnerSecret(string partner) => _json["Partners"]![partner]!["Secret"]!.GetValue<string>();

    public string Write(string directory)
    {
        var path = Path.Combine(directory, $"{Hub.ToLowerInvariant()}.json");
        File.WriteAllText(path, _json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
