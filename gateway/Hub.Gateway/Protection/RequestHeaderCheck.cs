using Hub.Gateway.Correlation;

namespace Hub.Gateway.Protection;

/// <summary>
/// Header values the gateway can neither forward (HTTP clients send ASCII only) nor echo (Kestrel writes visible ASCII
/// and tabs only), checked once before anything is forwarded, so the caller is told which header instead of getting a
/// 502 or an empty 500.
/// </summary>
internal static class RequestHeaderCheck
{
    private const string VisibleAscii =
        "Only visible ASCII characters, spaces and tabs are allowed; send other text encoded (e.g. percent-encoded).";

    /// <summary>Every header of the request that cannot pass, with why; null when all can (nothing is allocated then).</summary>
    /// <param name="headers">The request's headers.</param>
    public static Dictionary<string, string[]>? Errors(IHeaderDictionary headers)
    {
        Dictionary<string, string[]>? errors = null;
        var correlationId = headers[CorrelationId.HeaderName];
        if (!string.IsNullOrWhiteSpace(correlationId) && (correlationId.Count > 1 || !CorrelationId.IsWellFormed(correlationId.ToString())))
        {
            errors = new(StringComparer.OrdinalIgnoreCase) { [CorrelationId.HeaderName] = [CorrelationId.Rule] };
        }

        foreach (var (name, values) in headers)
        {
            if (errors?.ContainsKey(name) != true && values.Any(v => v is not null && !v.All(IsVisibleAscii)))
            {
                errors ??= new(StringComparer.OrdinalIgnoreCase);
                errors[name] = [VisibleAscii];
            }
        }

        return errors;
    }

    private static bool IsVisibleAscii(char c) => c is '\t' or (>= ' ' and <= '~');
}
