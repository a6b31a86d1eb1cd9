namespace Hub.Console;

/// <summary>The console's own settings (configuration section <c>Console</c>); everything else comes from the hub file.</summary>
internal sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The RabbitMQ management API; the broker user and the hub's vhost come from <c>Messaging</c>.</summary>
    public Uri BrokerManagement { get; set; } = new("http://127.0.0.1:15672");

    /// <summary>How long a health probe or scrape may take before the target counts as down.</summary>
    public TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the exported error-queue and partner gauges are refreshed.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages shown at most when peeking into an error queue.</summary>
    public int PeekLimit { get; set; } = 50;
}
