using System.Text.Json.Nodes;
using Hub.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Hub.Services.Tests;

/// <summary>
/// The cluster's manifests (deploy/kubernetes) against the hub files ./hub up runs: every process there, on the
/// addresses its hub file names, with every setting the local hub file and its secrets set, and no secret outside a
/// secrets file.
/// </summary>
public sealed class DeploymentManifestTests
{
    private static readonly string Kubernetes = Path.Combine(Repository.Root(), "deploy", "kubernetes");

    /// <summary>Settings of the local hub files that a cluster takes from elsewhere: its users from its OIDC issuer.</summary>
    private static readonly string[] LocalOnly = ["Identity:"];

    /// <summary>The settings that are secrets: in the secrets file only.</summary>
    private static readonly string[] Secrets = ["ConnectionStrings:", "Messaging:Username", "Messaging:Password", "Security:SigningKey", ":Secret"];

    public static TheoryData<string> Hubs => ["kr", "cn"];

    [Theory]
    [MemberData(nameof(Hubs))]
    public void EveryProcessOfTheHub_RunsOnTheAddressesItsHubFileNames(string hub)
    {
        var local = ReadJson(Path.Combine(Repository.Root(), "deploy", "hubs", $"{hub}.json"));
        var cluster = ReadJson(Path.Combine(Kubernetes, "hubs", hub, "hub.json"));
        var manifests = Base();

        Names(cluster["Services"]).ShouldBe(Names(local["Services"]), ignoreOrder: true);
        foreach (var (process, addresses) in cluster["Services"]!.AsObject())
        {
            var http = new Uri(Text(addresses!["Http"]));
            var grpc = addresses["Grpc"] is { } address ? new Uri(Text(address)) : null;
            var deployment = Required(manifests, ("Deployment", http.Host), $"{process} has a deployment named {http.Host}");
            var service = Required(manifests, ("Service", http.Host), $"{process} has a service named {http.Host}");
            grpc?.Host.ShouldBe(http.Host);

            var pod = deployment["spec"]!["template"]!;
            var container = pod["spec"]!["containers"]![0]!;
            Texts(container["args"]).ShouldBe([$"Hub.{process}.dll"]);
            Ports(container, "containerPort").ShouldBe(grpc is null ? [("http", http.Port)] : [("http", http.Port), ("grpc", grpc.Port)], ignoreOrder: true);
            Ports(service, "port").ShouldBe(Ports(container, "containerPort"), ignoreOrder: true);
            foreach (var port in service["spec"]!["ports"]!.AsArray())
            {
                Text(port!["targetPort"]).ShouldBe(Text(port["name"]), "a service port reaches the container's port of its name");
            }

            // The gateway is the hub's door; every other process is called by the others, which spread their calls over
            // the instances its name resolves to.
            (service["spec"]!["clusterIP"]?.GetValue<string>()).ShouldBe(process == "Gateway" ? null : "None", $"{http.Host}'s service is headless unless it is the gateway");
            var selector = service["spec"]!["selector"]!.AsObject();
            selector.ShouldNotBeEmpty();
            foreach (var label in selector)
            {
                Text(pod["metadata"]!["labels"]![label.Key]).ShouldBe(Text(label.Value), $"the {http.Host} service selects its pods by {label.Key}");
            }

            // Every process scales out from the replicas it starts with (the console's replicas share its key ring).
            var replicas = int.Parse(Text(deployment["spec"]!["replicas"]), System.Globalization.CultureInfo.InvariantCulture);
            var scaling = Required(manifests, ("HorizontalPodAutoscaler", http.Host), $"{process} scales out")["spec"]!;
            Text(scaling["scaleTargetRef"]!["kind"]).ShouldBe("Deployment");
            Text(scaling["scaleTargetRef"]!["name"]).ShouldBe(http.Host);
            Text(scaling["minReplicas"]).ShouldBe(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
            replicas.ShouldBeGreaterThanOrEqualTo(2, "a replica lost leaves another serving");

            var budget = Required(manifests, ("PodDisruptionBudget", http.Host), $"{process} keeps replicas up through a node's drain");
            foreach (var label in budget["spec"]!["selector"]!["matchLabels"]!.AsObject())
            {
                Text(pod["metadata"]!["labels"]![label.Key]).ShouldBe(Text(label.Value), $"{http.Host}'s disruption budget selects its pods");
            }

            if (process == "Gateway")
            {
                // Its replicas count one another by a headless name of their own and share each client's rate limit.
                var peers = container["env"]!.AsArray().Single(e => Text(e!["name"]) == "Gateway__RateLimit__Peers")!;
                var peersService = Required(manifests, ("Service", Text(peers["value"])), "the gateway's replicas resolve one another")["spec"]!;
                Text(peersService["clusterIP"]).ShouldBe("None");
                foreach (var label in peersService["selector"]!.AsObject())
                {
                    Text(pod["metadata"]!["labels"]![label.Key]).ShouldBe(Text(label.Value), "the peers' name selects the gateway's pods");
                }
            }

            Probe(container, "readinessProbe").ShouldBe("/health/ready");
            Probe(container, "livenessProbe").ShouldBe("/health/live");
            ReadsTheHubFiles(container, pod);

            var migrations = pod["spec"]!["initContainers"]?.AsArray() ?? [];
            if (!HubSecrets.Databases.Contains(process))
            {
                migrations.ShouldBeEmpty($"{process} has no database to migrate");
                continue;
            }

            migrations.Count.ShouldBe(1, $"{process}'s database is migrated before it starts");
            Texts(migrations[0]!["args"]).ShouldBe([$"Hub.{process}.dll", "migrate"]);
            Text(migrations[0]!["image"]).ShouldBe(Text(container["image"]));
            ReadsTheHubFiles(migrations[0]!, pod);
        }

        // Within the hub every process may call the others; from outside it, the gateway alone is reached.
        var policies = manifests.Where(m => m.Key.Kind == "NetworkPolicy").Select(m => m.Value["spec"]!).ToList();
        var open = policies.Where(p => p["ingress"]!.AsArray().Any(rule => rule!["from"] is null)).ShouldHaveSingleItem();
        Text(open["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]).ShouldBe(new Uri(Text(cluster["Services"]!["Gateway"]!["Http"])).Host);

        var resources = Texts(ReadYaml(Path.Combine(Kubernetes, "base", "kustomization.yaml")).Single()["resources"]);
        resources.ShouldBe(Directory.GetFiles(Path.Combine(Kubernetes, "base"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Cast<string>(), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Hubs))]
    public async Task ClusterHubFileAndItsSecrets_SetEverySettingOfTheLocalOnes_TheSecretsInTheSecretsFileOnly(string hub)
    {
        var hubFile = Path.Combine(Repository.Root(), "deploy", "hubs", $"{hub}.json");
        var folder = Directory.CreateTempSubdirectory("hub-secrets-").FullName;
        var localSecrets = Settings(ReadJson(await HubSecrets.WriteAsync(hubFile, folder)));
        Directory.Delete(folder, recursive: true);
        var local = Settings(ReadJson(hubFile));
        local.Keys.Where(IsSecret).ShouldBeEmpty("secrets in the local hub file, which is committed");
        localSecrets.Keys.Where(k => !IsSecret(k)).ShouldBeEmpty("settings in the local secrets file that are not secrets");
        foreach (var (key, value) in localSecrets)
        {
            local.Add(key, value);
        }

        var cluster = Settings(ReadJson(Path.Combine(Kubernetes, "hubs", hub, "hub.json")));
        var secrets = Settings(ReadJson(Path.Combine(Kubernetes, "hubs", hub, "secrets.example.json")));

        local.Keys.Where(k => !LocalOnly.Any(k.StartsWith)).Except(cluster.Keys).Except(secrets.Keys).ShouldBeEmpty("settings the cluster would lack");
        cluster.Keys.Where(IsSecret).ShouldBeEmpty("secrets in the hub file, which is a config map");
        secrets.Keys.Where(k => !IsSecret(k)).ShouldBeEmpty("settings in the secrets file that are not secrets");
        cluster.Keys.Intersect(secrets.Keys).ShouldBeEmpty("settings in both files");
        cluster["Messaging:QueueType"].ShouldBe("quorum");
        cluster.ShouldContainKey("Security:Authority");

        var overlay = ReadYaml(Path.Combine(Kubernetes, "hubs", hub, "kustomization.yaml")).Single();
        Text(overlay["namespace"]).ShouldBe($"hub-{hub}");
        Texts(overlay["configMapGenerator"]![0]!["files"]).ShouldBe(["hub.json"]);
        Texts(overlay["secretGenerator"]![0]!["files"]).ShouldBe(["secrets.json"]);
        File.ReadAllLines(Path.Combine(Repository.Root(), ".gitignore")).ShouldContain("deploy/kubernetes/hubs/*/secrets.json");
    }

    [Fact]
    public void PartnerHubs_ReachEachOthersGateways_AndTheBrokerHasEachHubsVirtualHostAndUser()
    {
        var broker = ReadYaml(Path.Combine(Kubernetes, "broker", "rabbitmq.yaml")).ToList();
        foreach (var (hub, partner) in new[] { ("kr", "cn"), ("cn", "kr") })
        {
            var cluster = Settings(ReadJson(Path.Combine(Kubernetes, "hubs", hub, "hub.json")));
            var partnerCluster = Settings(ReadJson(Path.Combine(Kubernetes, "hubs", partner, "hub.json")));
            var partnerNamespace = Text(ReadYaml(Path.Combine(Kubernetes, "hubs", partner, "kustomization.yaml")).Single()["namespace"]);
            foreach (var (setting, address) in new[] { ("Gateway", "Http"), ("GatewayGrpc", "Grpc") })
            {
                var theirs = new Uri(partnerCluster[$"Services:Gateway:{address}"]);
                var named = new Uri(cluster[$"Partners:{partner.ToUpperInvariant()}:{setting}"]);
                named.Host.ShouldBe($"{theirs.Host}.{partnerNamespace}.svc");
                named.Port.ShouldBe(theirs.Port);
            }

            var vhost = cluster["Messaging:VirtualHost"];
            broker.ShouldContain(d => Text(d["kind"]) == "Vhost" && Text(d["spec"]!["name"]) == vhost, $"the broker has {hub}'s virtual host");
            broker.ShouldContain(
                d => Text(d["kind"]) == "Permission" && Text(d["spec"]!["vhost"]) == vhost && Text(d["spec"]!["userReference"]!["name"]) == Text(d["metadata"]!["name"]),
                $"{hub}'s user may use its virtual host");
            var user = Settings(ReadJson(Path.Combine(Kubernetes, "hubs", hub, "secrets.example.json")))["Messaging:Username"];
            File.ReadAllLines(Path.Combine(Kubernetes, "broker", $"hub-{hub}-user.example.env")).ShouldContain($"username={user}");
        }
    }

    private static bool IsSecret(string key) => Secrets.Any(s => s.StartsWith(':') ? key.EndsWith(s, StringComparison.Ordinal) : key.StartsWith(s, StringComparison.Ordinal));

    /// <summary>The base's documents by kind and name.</summary>
    private static Dictionary<(string Kind, string Name), JsonNode> Base() =>
        Directory.GetFiles(Path.Combine(Kubernetes, "base"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(ReadYaml)
            .ToDictionary(d => (Text(d["kind"]), Text(d["metadata"]!["name"])));

    /// <summary>HUB_CONFIG and HUB_SECRETS name files in the hub's config map and secret, mounted into the container.</summary>
    private static void ReadsTheHubFiles(JsonNode container, JsonNode pod)
    {
        var environment = container["env"]!.AsArray().ToDictionary(e => Text(e!["name"]), e => Text(e!["value"]));
        var mounts = container["volumeMounts"]!.AsArray().ToDictionary(m => Text(m!["mountPath"]), m => Text(m!["name"]));
        var volumes = pod["spec"]!["volumes"]!.AsArray().ToDictionary(v => Text(v!["name"]), v => v!);
        foreach (var (variable, source, name) in new[] { ("HUB_CONFIG", "configMap", "hub-config"), ("HUB_SECRETS", "secret", "hub-secrets") })
        {
            var file = Required(environment, variable, $"{variable} is set");
            var volume = volumes[Required(mounts, Path.GetDirectoryName(file)!, $"the folder of {file} is mounted")];
            Text(volume[source]![source == "secret" ? "secretName" : "name"]).ShouldBe(name);
        }
    }

    private static TValue Required<TKey, TValue>(Dictionary<TKey, TValue> values, TKey key, string because)
        where TKey : notnull
    {
        values.ShouldContainKey(key, because);
        return values[key];
    }

    private static string Probe(JsonNode container, string probe)
    {
        var get = container[probe]!["httpGet"]!;
        Text(get["port"]).ShouldBe("http");
        return Text(get["path"]);
    }

    private static IEnumerable<(string Name, int Port)> Ports(JsonNode node, string field) =>
        (node["spec"]?["ports"] ?? node["ports"])!.AsArray().Select(p => (Text(p!["name"]), int.Parse(Text(p[field]), System.Globalization.CultureInfo.InvariantCulture)));

    private static IEnumerable<string> Names(JsonNode? node) => node!.AsObject().Select(p => p.Key);

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new ShouldAssertException("A value is missing.");

    private static List<string> Texts(JsonNode? node) => node!.AsArray().Select(Text).ToList();

    private static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    /// <summary>Every leaf setting as configuration names it (<c>Partners:CN:Secret</c>), with its value as text.</summary>
    private static Dictionary<string, string> Settings(JsonNode node, string prefix = "") => node switch
    {
        JsonObject o => o.SelectMany(p => Settings(p.Value!, prefix + p.Key + ":")).ToDictionary(),
        JsonArray a => a.SelectMany((item, i) => Settings(item!, prefix + i + ":")).ToDictionary(),
        _ => new Dictionary<string, string> { [prefix.TrimEnd(':')] = node.ToString() },
    };

    /// <summary>Each document of a YAML file, its scalars as text.</summary>
    private static IEnumerable<JsonNode> ReadYaml(string path)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(File.ReadAllText(path)));
        parser.Consume<StreamStart>();
        var documents = new List<JsonNode>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(ToJson(deserializer.Deserialize<object>(parser)));
        }

        return documents;
    }

    private static JsonNode ToJson(object? value) => value switch
    {
        Dictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create((string)p.Key, (JsonNode?)ToJson(p.Value)))),
        List<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        null => JsonValue.Create(""),
        var scalar => JsonValue.Create(scalar.ToString()!),
    };
}
