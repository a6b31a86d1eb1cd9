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

    /// <summary>
    /// The trace UI's search for one order, <c>{orderId}</c> replaced by the order id; empty shows no trace link. The
    /// order service does not expose an order's trace id, so the link searches the tracing back end for spans tagged
    /// with the order id.
    /// </summary>
    public string? TraceUrl { get; set; }

    /// <summary>Orders listed at most on the orders page (the order service allows 1 to 200).</summary>
    public int OrderLimit { get; set; } = 50;

    /// <summary>Refund claims shown per page, oldest first (the tax-refund service allows 1 to 200).</summary>
    public int ClaimPageSize { get; set; } = 50;

    /// <summary>Declarations shown per page, newest first (the customs service allows 1 to 200).</summary>
    public int DeclarationPageSize { get; set; } = 50;

    public Uri? TraceUrlFor(string orderId) =>
        string.IsNullOrWhiteSpace(TraceUrl) ? null : new Uri(TraceUrl.Replace("{orderId}", Uri.EscapeDataString(orderId), StringComparison.Ordinal));
}
