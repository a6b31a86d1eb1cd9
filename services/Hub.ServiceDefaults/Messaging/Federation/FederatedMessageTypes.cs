using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Hub.Contracts.Values;

namespace Hub.ServiceDefaults.Messaging.Federation;

/// <summary>
/// The message types that may cross between hubs: the records of the contracts assembly, named by full type name.
/// Anything else a partner sends is refused, so a partner cannot make a hub load arbitrary types.
/// </summary>
public static class FederatedMessageTypes
{
    private static readonly System.Reflection.Assembly Contracts = typeof(HubId).Assembly;
    private static readonly ConcurrentDictionary<string, Type?> Known = new(StringComparer.Ordinal);

    /// <summary>The wire name of a contract type.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Assembly == Contracts && type.FullName is { } name
            ? name
            : throw new ArgumentException($"{type} is not a contract type; only records of the contracts project travel between hubs.", nameof(type));
    }

    /// <summary>Finds a contract type by its wire name.</summary>
    public static bool TryResolve(string? name, [NotNullWhen(true)] out Type? type)
    {
        type = string.IsNullOrEmpty(name) ? null : Known.GetOrAdd(name, static n =>
            Contracts.GetType(n, throwOnError: false) is { IsClass: true, IsAbstract: false, IsPublic: true } t ? t : null);
        return type is not null;
    }
}
