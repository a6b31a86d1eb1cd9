using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Hub.Contracts.Platform;
using Hub.Contracts.Values;

namespace Hub.ServiceDefaults.Messaging.Federation;

/// <summary>
/// The message types that may cross between hubs: the records of the contracts assembly marked
/// <see cref="CrossesHubsAttribute"/>, named by full type name. Anything else a partner sends is refused — it cannot
/// make a hub load arbitrary types, nor put on a hub's bus the facts only the hub's own services state (a payment
/// secured, an escrow released) — and a service cannot send anything else to a partner.
/// </summary>
public static class FederatedMessageTypes
{
    private static readonly System.Reflection.Assembly Contracts = typeof(HubId).Assembly;
    private static readonly ConcurrentDictionary<string, Type?> Known = new(StringComparer.Ordinal);

    /// <summary>The wire name of a contract type.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Crosses(type) && type.FullName is { } name
            ? name
            : throw new ArgumentException($"{type} does not travel between hubs; only records of the contracts project marked [CrossesHubs] do.", nameof(type));
    }

    /// <summary>Finds a contract type by its wire name.</summary>
    public static bool TryResolve(string? name, [NotNullWhen(true)] out Type? type)
    {
        type = string.IsNullOrEmpty(name) ? null : Known.GetOrAdd(name, static n =>
            Contracts.GetType(n, throwOnError: false) is { IsClass: true, IsAbstract: false, IsPublic: true } t && Crosses(t) ? t : null);
        return type is not null;
    }

    private static bool Crosses(Type type) => type.Assembly == Contracts && type.IsDefined(typeof(CrossesHubsAttribute), inherit: false);
}
