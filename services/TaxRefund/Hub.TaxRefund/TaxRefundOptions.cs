using Hub.ServiceDefaults.Hosting;

namespace Hub.TaxRefund;

/// <summary>Settings under <c>TaxRefund</c>.</summary>
internal sealed class TaxRefundOptions
{
    /// <summary>
    /// When true (the default) the hub files a claim itself as soon as it is Ready and every invoice of the order has a
    /// rate in force; otherwise the supplier (or an operator) files it.
    /// </summary>
    public bool AutoFile { get; set; } = true;

    /// <summary>IANA time zone of each hub (e.g. <c>CN: Asia/Shanghai</c>): it decides the export date of a clearance. UTC when absent.</summary>
    public Dictionary<string, string> TimeZones { get; } = new(StringComparer.Ordinal);

    public TimeZoneInfo ZoneOf(string hub) => HubTimeZones.TryFind(TimeZones, hub, out var zone) ? zone : TimeZoneInfo.Utc;
}
