using System.Net;
using System.Text.Json;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Hub.Console.Clients;

/// <summary>The RabbitMQ management HTTP API, restricted to the hub's virtual host.</summary>
internal sealed class BrokerManagementClient(HttpClient http, IOptions<MessagingOptions> messaging)
{
    public const string ErrorSuffix = "_error";

    /// <summary>Where MassTransit moves a message no consumer of its endpoint took (a type the service does not handle).</summary>
    public const string SkippedSuffix = "_skipped";

    private string VirtualHost => Uri.EscapeDataString(messaging.Value.VirtualHost);

    /// <summary>
    /// MassTransit's dead-letter queues — input queue + <c>_error</c> (failed) or + <c>_skipped</c> (taken by no consumer)
    /// — with their depth, as the broker last sampled it.
    /// </summary>
    public async Task<IReadOnlyList<ErrorQueue>> ErrorQueuesAsync(CancellationToken cancellationToken)
    {
        var queues = await http.GetFromJsonAsync<List<QueueBody>>(
            $"api/queues/{VirtualHost}?columns=name,messages", JsonSerializerOptions.Web, cancellationToken) ?? [];
        return queues
            .Where(q => IsDeadLetterQueue(q.Name))
            .Select(q => new ErrorQueue(q.Name, InputQueueOf(q.Name), q.Messages ?? 0))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Messages in a queue (null when the queue does not exist).</summary>
    public async Task<long?> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<QueueBody>(JsonSerializerOptions.Web, cancellationToken);
        return body?.Messages ?? 0;
    }

    /// <summary>
    /// The first <paramref name="count"/> messages, read with <c>ack_requeue_true</c>: the broker hands them back to the
    /// queue in their place, so looking loses nothing.
    /// </summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(string queue, int count, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            $"api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 20000 },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.EnumerateArray().Select(PeekedMessage.From).ToList();
    }

    public static bool IsDeadLetterQueue(string queue) =>
        queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) || queue.EndsWith(SkippedSuffix, StringComparison.Ordinal);

    public static string InputQueueOf(string errorQueue) =>
        errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? errorQueue[..^ErrorSuffix.Length]
        : errorQueue.EndsWith(SkippedSuffix, StringComparison.Ordinal) ? errorQueue[..^SkippedSuffix.Length]
        : errorQueue;

    private sealed record QueueBody(string Name, long? Messages);
}

internal sealed record ErrorQueue(string Name, string InputQueue, long Messages);
