using System.Collections.Concurrent;
using System.Text.Json;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>How messages are stored in the outbox, and how their types are found again.</summary>
internal static class MessageSerialization
{
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type ResolveType(string typeName) => Types.GetOrAdd(typeName, static name =>
        Type.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"The outbox holds a message of unknown type '{name}'."));

    public static string Serialize(object message, Type type) => JsonSerializer.Serialize(message, type, Options);

    public static object Deserialize(string body, Type type) =>
        JsonSerializer.Deserialize(body, type, Options)
        ?? throw new InvalidOperationException($"The outbox holds an empty {type.Name} message.");
}
