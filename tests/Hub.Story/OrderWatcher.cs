using System.Text.Json.Nodes;

namespace Hub.Story;

/// <summary>Follows an order's timeline at the buyer's hub, narrating each new step, until the order is where it should be.</summary>
public sealed class OrderWatcher(GatewayClient buyerHub, Session viewer, Action<string> narrate)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, int> _narrated = new(StringComparer.Ordinal);

    /// <summary>The order as its buyer's hub shows it now (narrating what is new on its timeline).</summary>
    public async Task<JsonNode> ReadAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = await buyerHub.GetAsync(viewer, $"/api/order/orders/{orderId}", cancellationToken);
        var timeline = order["timeline"]?.AsArray() ?? [];
        var seen = _narrated.GetValueOrDefault(orderId);
        foreach (var entry in timeline.Skip(seen))
        {
            var detail = entry!["detail"]?.GetValue<string>() is { Length: > 0 } d ? $" — {d}" : string.Empty;
            narrate($"    {orderId} [{entry["hub"]}] {entry["step"]}{detail}");
        }

        _narrated[orderId] = Math.Max(seen, timeline.Count);
        return order;
    }

    /// <summary>Polls until <paramref name="reached"/> holds; a Failed or Cancelled order the caller did not wait for stops the story.</summary>
    public async Task<JsonNode> WaitAsync(string orderId, string what, Func<JsonNode, bool> reached, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var order = await ReadAsync(orderId, cancellationToken);
            if (reached(order))
            {
                return order;
            }

            var status = Status(order);
            if (status is "Failed" or "Cancelled")
            {
                throw new StoryException($"Order {orderId} is {status} ({order["failureReason"]}) while waiting until {what}.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryException($"Order {orderId} is still {status} after {timeout.TotalSeconds:0} s waiting until {what}; last step: {LastStep(order)}.");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Polls until the order's status is one of <paramref name="statuses"/>.</summary>
    public Task<JsonNode> WaitForStatusAsync(string orderId, TimeSpan timeout, CancellationToken cancellationToken, params string[] statuses) =>
        WaitAsync(orderId, $"it is {string.Join(" or ", statuses)}", o => statuses.Contains(Status(o)), timeout, cancellationToken);

    /// <summary>The order's status.</summary>
    public static string Status(JsonNode order) => order["status"]!.GetValue<string>();

    /// <summary>Whether the order's timeline shows <paramref name="step"/>.</summary>
    public static bool HasStep(JsonNode order, string step) =>
        order["timeline"]?.AsArray().Any(e => e!["step"]!.GetValue<string>() == step) == true;

    private static string LastStep(JsonNode order) =>
        order["timeline"]?.AsArray().LastOrDefault() is { } last ? $"{last["step"]} at {last["hub"]} ({last["cause"]})" : "none";
}
