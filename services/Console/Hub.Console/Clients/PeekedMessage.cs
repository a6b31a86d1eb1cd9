using System.Globalization;
using System.Text.Json;

namespace Hub.Console.Clients;

/// <summary>
/// One message as the management API shows it. <c>Key</c> is the message id (MassTransit always sets one);
/// <see cref="ErrorQueueMover"/> finds the message by it.
/// </summary>
internal sealed record PeekedMessage(string Key, string? MessageType, string? Fault, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private const string FaultMessageHeader = "MT-Fault-Message";
    private const string MessageTypeHeader = "MT-Fault-MessageType";

    public static PeekedMessage From(JsonElement message)
    {
        var properties = message.GetProperty("properties");
        var headers = properties.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText())
            : [];
        var key = properties.TryGetProperty("message_id", out var id) && id.GetString() is { Length: > 0 } value
            ? value
            : "";
        var body = message.GetProperty("payload").GetString() ?? "";
        return new PeekedMessage(
            key,
            headers.GetValueOrDefault(MessageTypeHeader) ?? TypeFromEnvelope(body),
            headers.GetValueOrDefault(FaultMessageHeader),
            headers,
            body);
    }

    // MassTransit's JSON envelope names the message types as urn:message:<Namespace>:<Type>.
    private static string? TypeFromEnvelope(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                ? string.Join(", ", types.EnumerateArray().Select(t => t.GetString()?.Split(':').Last()))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Summary => Body.Length <= 400 ? Body : string.Create(CultureInfo.InvariantCulture, $"{Body[..400]}… ({Body.Length} characters)");
}
