namespace Hub.Gateway.Correlation;

/// <summary>
/// The header that ties one request's log lines and traces together across hubs and services. The gateway's
/// outermost middleware keeps the caller's value or assigns one, forwards it and echoes it, whatever the outcome.
/// A caller's value is logged and echoed as it came, so it is held to a short, plain form; one outside it is refused.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The longest correlation id a caller may send: a GUID, a W3C trace id or a ULID fit many times over.</summary>
    public const int MaxLength = 128;

    /// <summary>What a caller's correlation id must look like, as the refusal tells it.</summary>
    public const string Rule = "At most 128 characters: letters, digits and - _ . : / + = (one value).";

    /// <summary>Whether a caller's correlation id may be kept, logged and echoed.</summary>
    /// <param name="value">The header's value as received.</param>
    public static bool IsWellFormed(string value) => value.Length <= MaxLength && value.All(IsAllowed);

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/' or '+' or '=';
}
