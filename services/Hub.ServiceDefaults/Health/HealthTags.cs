namespace Hub.ServiceDefaults;

/// <summary>Tags that place a health check on an endpoint.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the process takes traffic (<c>/health/ready</c>).</summary>
    public const string Ready = "ready";
}
