using System.Security.Cryptography;
using System.Text;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;
using Hub.Story;
using Hub.Testing;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Hubs KR and CN as real processes — six services and a gateway each, from their Release builds — on databases and
/// virtual hosts of their own, each hub the other's partner. Everything is killed and dropped at the end.
/// </summary>
public sealed class TwoHubs : IAsyncLifetime
{
    // Generous: on a loaded 2-core machine fourteen processes take minutes to migrate and start.
    private static readonly TimeSpan MigrateTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(8);
    private readonly List<IAsyncDisposable> _resources = [];
    private readonly Dictionary<(string Hub, string Name), HubProcess> _processes = [];
    private readonly Dictionary<string, HubFile> _files = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-e2e-").FullName;

    /// <summary>The KR gateway, as KR's users reach it.</summary>
    public GatewayClient Kr { get; private set; } = null!;

    /// <summary>The CN gateway, as CN's users reach it.</summary>
    public GatewayClient Cn { get; private set; } = null!;

    /// <summary>Users the scenarios add to the deployed hub files, each its own company so no test reads another's money.</summary>
    internal static readonly Dictionary<string, (string User, string Password, string Role, string? Company)[]> ExtraUsers = new()
    {
        ["KR"] =
        [
            ("kr-supplier-outage", "supplier-demo", "sme", "KR-C-000031"),
            ("kr-supplier-unpaid", "supplier-demo", "sme", "KR-C-000032"),
            ("kr-supplier-rejected", "supplier-demo", "sme", "KR-C-000033"),
            ("kr-supplier-disputed", "supplier-demo", "sme", "KR-C-000034"),
            ("kr-supplier-partly-paid", "supplier-demo", "sme", "KR-C-000035"),
            ("kr-supplier-partner-sold", "supplier-demo", "sme", "KR-C-000036"),
            ("kr-supplier-listed", "supplier-demo", "sme", "KR-C-000037"),
            ("kr-supplier-clawed-back", "supplier-demo", "sme", "KR-C-000038"),
        ],
        ["CN"] =
        [
            ("cn-buyer-outage", "buyer-demo", "sme", "CN-C-000031"),
            ("cn-buyer-unfunded", "buyer-demo", "sme", "CN-C-000032"),
            ("cn-buyer-rejected", "buyer-demo", "sme", "CN-C-000033"),
            ("cn-buyer-disputes", "buyer-demo", "sme", "CN-C-000034"),
            ("cn-buyer-partly-refunded", "buyer-demo", "sme", "CN-C-000035"),
            ("cn-buyer-through-partner", "buyer-demo", "sme", "CN-C-000036"),
            ("cn-buyer-payee-held", "buyer-demo", "sme", "CN-C-000037"),
            ("cn-buyer-protected", "buyer-demo", "sme", "CN-C-000038"),
        ],
    };

    public async Task InitializeAsync()
    {
        var root = Repository.Root();
        foreach (var hub in new[] { "KR", "CN" })
        {
            var vhost = await TestVirtualHost.CreateAsync();
            _resources.Add(vhost);
            var databases = new Dictionary<string, TestDatabase>();
            foreach (var service in HubFile.Services)
            {
                var database = await TestDatabase.CreateAsync($"e2e_{hub}_{service}".ToLowerInvariant());
                _resources.Add(database);
                databases[service] = database;
            }

            _files[hub] = HubFile.Derive(root, hub, databases, vhost, ExtraUsers[hub]);
        }

        var partnerSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        _files["KR"].PointAt(_files["CN"], partnerSecret);
        _files["CN"].PointAt(_files["KR"], partnerSecret);
        foreach (var (hub, file) in _files)
        {
            var path = file.Write(_directory);
            foreach (var name in HubFile.Services.Append("Gateway"))
            {
                var project = name == "Gateway" ? Path.Combine(root, "gateway", "Hub.Gateway") : Path.Combine(root, "services", name, $"Hub.{name}");
                var bin = Path.Combine(project, "bin", "Release", "net10.0");
                _processes[(hub, name)] = new HubProcess(hub, name, bin, path, Path.Combine(_directory, $"{hub.ToLowerInvariant()}-{name.ToLowerInvariant()}.log"));
            }
        }

        using (var migrating = new CancellationTokenSource(MigrateTimeout))
        {
            // A few at a time, and a failed one once more: twelve migrations at once swamp a small shared server.
            using var slots = new SemaphoreSlim(4);
            await Task.WhenAll(_processes.Values.Where(p => p.Name != "Gateway").Select(async p =>
            {
                await slots.WaitAsync(migrating.Token);
                try
                {
                    await p.MigrateAsync(migrating.Token, attempts: 2);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        foreach (var process in _processes.Values)
        {
            process.Start();
        }

        using var timeout = new CancellationTokenSource(ReadyTimeout);
        await Task.WhenAll(_processes.Values.Select(p => WaitReadyAsync(p, timeout.Token)));
        Kr = new GatewayClient("KR", new Uri(_files["KR"].Address("Gateway")));
        Cn = new GatewayClient("CN", new Uri(_files["CN"].Address("Gateway")));
    }

    /// <summary>
    /// A gRPC channel to <paramref name="hub"/>'s gateway, every call signed as partner hub <paramref name="partner"/>
    /// signs it (with the secret the two share), or unsigned when <paramref name="partner"/> is null.
    /// </summary>
    public GrpcChannel GatewayChannel(string hub, string? partner)
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (partner is not null)
        {
            handler = new PartnerSigning(HubId.Parse(partner), _files[hub].PartnerSecret(partner)) { InnerHandler = handler };
        }

        return GrpcChannel.ForAddress(_files[hub].Address("Gateway", "Grpc"), new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    /// <summary>Kills a hub's process, as a crash or a network cut would take it away.</summary>
    public Task KillAsync(string hub, string name) => _processes[(hub, name)].KillAsync();

    /// <summary>Starts a killed process again on the same addresses and waits until it is ready.</summary>
    public async Task RestartAsync(string hub, string name)
    {
        var process = _processes[(hub, name)];
        process.Start();
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        await WaitReadyAsync(process, timeout.Token);
    }

    /// <summary>One process's whole log so far.</summary>
    public string Log(string hub, string name) => _processes[(hub, name)].Log();

    /// <summary>The last lines of every process's log, for a failed test's output.</summary>
    public string LogTails(int lines = 30)
    {
        var text = new StringBuilder($"Hub files and logs: {_directory} (kept with HUB_E2E_KEEP_LOGS=1){Environment.NewLine}");
        foreach (var process in _processes.Values)
        {
            text.AppendLine($"===== {process.Hub} {process.Name} ({process.LogFile}) =====").AppendLine(process.Tail(lines));
        }

        return text.ToString();
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_processes.Values.Select(p => p.KillAsync()));
        Kr?.Dispose();
        Cn?.Dispose();
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }

        // HUB_E2E_KEEP_LOGS=1 keeps the hub files and process logs for a look after the run.
        if (Environment.GetEnvironmentVariable("HUB_E2E_KEEP_LOGS") != "1")
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WaitReadyAsync(HubProcess process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var ready = new Uri(new Uri(_files[process.Hub].Address(process.Name)), "/health/ready");
        while (true)
        {
            if (!process.Running)
            {
                throw new InvalidOperationException($"{process.Hub} {process.Name} exited before it was ready:{Environment.NewLine}{process.Tail(40)}");
            }

            try
            {
                using var response = await http.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Answered too slowly: ask again, unless the time is up (below).
            }

            if (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{process.Hub} {process.Name} was not ready at {ready} in {ReadyTimeout.TotalMinutes} minutes:{Environment.NewLine}{process.Tail(40)}");
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }
}

/// <summary>Signs each request as a partner hub's gateway client does.</summary>
internal sealed class PartnerSigning(HubId self, string secret) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await PartnerRequestSigner.SignAsync(request, self, secret, DateTimeOffset.UtcNow, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}

[CollectionDefinition(Name)]
public sealed class TwoHubsCollection : ICollectionFixture<TwoHubs>
{
    public const string Name = "two hubs";
}
