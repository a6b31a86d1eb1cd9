using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hub.Testing;

namespace Hub.Console.Tests.Fakes;

/// <summary>Sets up and inspects queues of a test virtual host through the RabbitMQ management API.</summary>
internal sealed class Broker(TestVirtualHost vhost) : IDisposable
{
    private readonly HttpClient _http = Create(vhost);

    /// <summary>
    /// Declares <paramref name="inputQueue"/> and its MassTransit error queue (or another dead-letter queue, by its
    /// suffix) and puts one faulted message there, with the headers MassTransit adds when it gives up on a message;
    /// returns the message id.
    /// </summary>
    public async Task<string> FaultedMessageAsync(string inputQueue, string body, string suffix = "_error")
    {
        await DeclareAsync(inputQueue);
        await DeclareAsync(inputQueue + suffix);
        var messageId = Guid.NewGuid().ToString();
        var response = await _http.PostAsJsonAsync($"/api/exchanges/{vhost.Name}/amq.default/publish", new
        {
            routing_key = inputQueue + suffix,
            payload = body,
            payload_encoding = "string",
            properties = new
            {
                message_id = messageId,
                content_type = "application/vnd.masstransit+json",
                delivery_mode = 2,
                headers = new Dictionary<string, string>
                {
                    ["MT-Fault-Message"] = "Stock reservation failed: boom",
                    ["MT-Fault-MessageType"] = "Hub.Contracts.Platform:ServiceProbed",
                    ["MT-Reason"] = "fault",
                },
            },
        });
        response.EnsureSuccessStatusCode();
        using var routed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        routed.RootElement.GetProperty("routed").GetBoolean().ShouldBeTrue();
        return messageId;
    }

    /// <summary>The messages of a queue (looked at and handed back).</summary>
    public async Task<JsonElement[]> PeekAsync(string queue)
    {
        var response = await _http.PostAsJsonAsync($"/api/queues/{vhost.Name}/{queue}/get",
            new { count = 10, ackmode = "ack_requeue_true", encoding = "auto" });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>Deletes a queue, as if its consumer had been removed.</summary>
    public async Task DeleteAsync(string queue) =>
        (await _http.DeleteAsync($"/api/queues/{vhost.Name}/{queue}")).EnsureSuccessStatusCode();

    /// <summary>Takes every message out of a queue behind the console's back.</summary>
    public async Task DrainAsync(string queue) =>
        (await _http.PostAsJsonAsync($"/api/queues/{vhost.Name}/{queue}/get", new { count = 100, ackmode = "ack_requeue_false", encoding = "auto" }))
            .EnsureSuccessStatusCode();

    /// <summary>Waits until the management API reports <paramref name="expected"/> messages in the queue.</summary>
    public Task DepthIsAsync(string queue, long expected) =>
        Eventually.TrueAsync(async () => await vhost.QueueDepthAsync(queue) == expected, TimeSpan.FromSeconds(20),
            $"the management API reports {expected} message(s) in {queue}");

    public void Dispose() => _http.Dispose();

    private async Task DeclareAsync(string queue) =>
        (await _http.PutAsJsonAsync($"/api/queues/{vhost.Name}/{queue}", new { durable = true })).EnsureSuccessStatusCode();

    private static HttpClient Create(TestVirtualHost vhost)
    {
        var http = new HttpClient { BaseAddress = new Uri(vhost.Servers.RabbitMqManagement.GetLeftPart(UriPartial.Authority)) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{vhost.Servers.RabbitMqUser}:{vhost.Servers.RabbitMqPassword}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return http;
    }
}
