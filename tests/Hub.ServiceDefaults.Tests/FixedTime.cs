namespace Hub.ServiceDefaults.Tests;

/// <summary>A clock that always tells <paramref name="now"/>.</summary>
/// <param name="now">The time told.</param>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
