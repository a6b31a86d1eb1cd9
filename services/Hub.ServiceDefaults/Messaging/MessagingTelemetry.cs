using System.Diagnostics;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>The activity source and meter of the shared messaging layer (outbox, relay, inbox).</summary>
public static class MessagingTelemetry
{
    /// <summary>Name of both the activity source and the meter.</summary>
    public const string Name = "Hub.Messaging";

    internal static readonly ActivitySource Source = new(Name);
}
