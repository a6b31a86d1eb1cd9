using System.Collections.Concurrent;

namespace Hub.Order.Tests.Fakes;

/// <summary>When a fake service first received each call for an order.</summary>
internal sealed class CallTimes
{
    private readonly ConcurrentDictionary<(string Call, string Order), DateTime> first = new();

    public void Note(string call, string order) => first.TryAdd((call, order), DateTime.UtcNow);

    /// <summary>Whether <paramref name="call"/> for <paramref name="order"/> arrived.</summary>
    public bool Was(string call, string order) => first.ContainsKey((call, order));

    /// <summary>When <paramref name="call"/> for <paramref name="order"/> first arrived.</summary>
    public DateTime Of(string call, string order) =>
        first.TryGetValue((call, order), out var at) ? at : throw new InvalidOperationException($"{call} was never asked for order {order}.");
}
