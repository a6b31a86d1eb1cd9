using System.Text.Json.Nodes;
using Hub.Testing;
using Npgsql;

namespace Hub.Services.Tests;

/// <summary>The secrets <c>./hub up</c> gives each hub (deploy/scripts/hub-secrets.py), the hub files holding none.</summary>
public sealed class HubSecretsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-secrets-").FullName;

    [Fact]
    public async Task SigningKeysKeyRingAndPartnerSecrets_AreMadeOncePerInstallation_EachPairSharingOne_ReadableByTheOwnerOnly()
    {
        var kr = await ReadAsync("kr");
        var cn = await ReadAsync("cn");
        var krAgain = await ReadAsync("kr");

        var krKey = kr["Security"]!["SigningKey"]!.GetValue<string>();
        krKey.Length.ShouldBeGreaterThanOrEqualTo(32);
        krKey.ShouldNotBe(cn["Security"]!["SigningKey"]!.GetValue<string>(), "each hub signs with a key of its own");
        krAgain["Security"]!["SigningKey"]!.GetValue<string>().ShouldBe(krKey, "kept from one run to the next");
        var shared = kr["Partners"]!["CN"]!["Secret"]!.GetValue<string>();
        cn["Partners"]!["KR"]!["Secret"]!.GetValue<string>().ShouldBe(shared, "both hubs of a pair sign with the same secret");
        shared.ShouldNotBe(krKey);
        krAgain["Partners"]!["CN"]!["Secret"]!.GetValue<string>().ShouldBe(shared);
        var keyRing = kr["Console"]!["KeyRing"]!["Secret"]!.GetValue<string>();
        keyRing.Length.ShouldBeGreaterThanOrEqualTo(32, "the console refuses a shorter one");
        keyRing.ShouldNotBe(cn["Console"]!["KeyRing"]!["Secret"]!.GetValue<string>(), "each hub's console has a key ring of its own");
        new[] { krKey, shared }.ShouldNotContain(keyRing);
        krAgain["Console"]!["KeyRing"]!["Secret"]!.GetValue<string>().ShouldBe(keyRing, "kept, or every operator would be signed out");
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(_folder, "*", SearchOption.AllDirectories))
            {
                File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
            }
        }
    }

    [Fact]
    public async Task ConnectionStrings_NameTheDatabaseOfEachProcessWithOne_WithTheServersCredentials_QuotedAsNeeded()
    {
        var kr = await ReadAsync("kr", new Dictionary<string, string> { ["HUB_DB_USER"] = "hub_owner", ["HUB_DB_PASSWORD"] = "pa;ss\"word", ["HUB_MQ_USER"] = "broker", ["HUB_MQ_PASSWORD"] = "mq-secret" });

        kr["ConnectionStrings"]!.AsObject().Select(p => p.Key).ShouldBe(HubSecrets.Databases, ignoreOrder: true);
        var order = new NpgsqlConnectionStringBuilder(kr["ConnectionStrings"]!["Order"]!.GetValue<string>());
        order.Database.ShouldBe("hub_kr_order");
        order.Username.ShouldBe("hub_owner");
        order.Password.ShouldBe("pa;ss\"word");
        kr["Messaging"]!["Username"]!.GetValue<string>().ShouldBe("broker");
        kr["Messaging"]!["Password"]!.GetValue<string>().ShouldBe("mq-secret");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<JsonNode> ReadAsync(string hub, IReadOnlyDictionary<string, string>? environment = null) =>
        JsonNode.Parse(await File.ReadAllTextAsync(await HubSecrets.WriteAsync(Path.Combine(Repository.Root(), "deploy", "hubs", $"{hub}.json"), _folder, environment)))!;
}
