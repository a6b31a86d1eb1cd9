namespace Hub.Payment.Jobs;

/// <summary>How often the auto-release sweep runs (<c>Payment:AutoRelease</c>); the number of days is in the payment terms.</summary>
internal sealed record AutoReleaseOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; init; } = 100;

    public bool Enabled { get; init; } = true;
}
