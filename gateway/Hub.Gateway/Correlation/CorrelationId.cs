namespace Hub.Gateway.Correlation;

/// <summary>
/// The header that ties one request's log lines and traces together across hubs and services. The gateway's
/// outermost middleware keeps the caller's value or assigns one, forwards it and echoes it, whatever the outcome.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
}
