using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Hub.Testing;

/// <summary>A RabbitMQ virtual host of one test's own, deleted when the test ends.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestVirtualHost(TestServers servers, string name)
    {
        Servers = servers;
        Name = name;
        _management = new HttpClient { BaseAddress = new Uri(servers.RabbitMqManagement.GetLeftPart(UriPartial.Authority)) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{servers.RabbitMqUser}:{servers.RabbitMqPassword}"));
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    /// <summary>The servers the virtual host lives on.</summary>
    public TestServers Servers { get; }

    /// <summary>The virtual host name.</summary>
    public string Name { get; }

    /// <summary>Creates the virtual host and grants the test user everything on it.</summary>
    public static async Task<TestVirtualHost> CreateAsync()
    {
        var servers = await TestServers.GetAsync();
        var vhost = new TestVirtualHost(servers, $"t-{Guid.NewGuid():N}");
        (await vhost._management.PutAsync($"/api/vhosts/{vhost.Name}", null)).EnsureSuccessStatusCode();
        (await vhost._management.PutAsJsonAsync(
            $"/api/permissions/{vhost.Name}/{Uri.EscapeDataString(servers.RabbitMqUser)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return vhost;
    }

    /// <summary>Messaging settings that point a service at this virtual host (through <paramref name="port"/> if given).</summary>
    public IReadOnlyDictionary<string, string?> Settings(int? port = null) => new Dictionary<string, string?>
    {
        ["Messaging:Host"] = Servers.RabbitMq.Host,
        ["Messaging:Port"] = (port ?? Servers.RabbitMq.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:VirtualHost"] = Name,
        ["Messaging:Username"] = Servers.RabbitMqUser,
        ["Messaging:Password"] = Servers.RabbitMqPassword,
    };

    /// <summary>Messages waiting in a queue, as the management API reports them (it refreshes every few seconds).</summary>
    public async Task<long?> QueueDepthAsync(string queue)
    {
        var response = await _management.GetAsync($"/api/queues/{Name}/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0;
    }

    /// <summary>The queue's type as the broker declared it ("classic", "quorum"), null for a queue that does not exist.</summary>
    public async Task<string?> QueueTypeAsync(string queue)
    {
        var response = await _management.GetAsync($"/api/queues/{Name}/{queue}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("type").GetString();
    }

    /// <summary>
    /// Messages in a queue right now (at most 100), read and put back through the management API: unlike
    /// <see cref="QueueDepthAsync"/>, not a statistic refreshed every few seconds. 0 for a queue that does not exist.
    /// </summary>
    public async Task<int> MessagesNowAsync(string queue)
    {
        var response = await _management.PostAsJsonAsync(
            $"/api/queues/{Name}/{queue}/get", new { count = 100, ackmode = "ack_requeue_true", encoding = "auto" });
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetArrayLength();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"/api/vhosts/{Name}");
        _management.Dispose();
    }
}
