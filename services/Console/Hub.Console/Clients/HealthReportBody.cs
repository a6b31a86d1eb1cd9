namespace Hub.Console.Clients;

/// <summary>The JSON every hub process answers on <c>/health/ready</c>.</summary>
internal sealed record HealthReportBody(string? Status, Dictionary<string, HealthCheckBody>? Checks);

internal sealed record HealthCheckBody(string? Status, string? Description);
