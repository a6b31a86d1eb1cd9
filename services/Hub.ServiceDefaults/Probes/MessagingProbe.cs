namespace Hub.ServiceDefaults.Probes;

/// <summary>One end-to-end messaging probe of this service.</summary>
public sealed class MessagingProbe
{
    /// <summary>Identifies the probe.</summary>
    public Guid Id { get; private set; }

    /// <summary>When the probe was committed (UTC).</summary>
    public DateTime RequestedAt { get; private set; }

    /// <summary>When the probe came back through the broker (UTC).</summary>
    public DateTime? ReceivedAt { get; private set; }

    private MessagingProbe()
    {
    }

    internal static MessagingProbe Request(DateTime now) => new() { Id = Guid.CreateVersion7(), RequestedAt = now };

    internal void Receive(DateTime now) => ReceivedAt ??= now;

    internal TimeSpan? RoundTrip => ReceivedAt - RequestedAt;
}
