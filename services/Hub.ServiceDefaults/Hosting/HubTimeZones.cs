using System.Diagnostics.CodeAnalysis;

namespace Hub.ServiceDefaults.Hosting;

/// <summary>
/// A hub's legal dates — its customs day, the export date of a clearance — are calendar days in the hub's own time
/// zone, not UTC days. A service keeps the IANA id of each hub's zone as settings (<c>Customs:TimeZones</c>,
/// <c>TaxRefund:TimeZones</c>: <c>KR: Asia/Seoul</c>).
/// </summary>
public static class HubTimeZones
{
    /// <summary>The calendar day of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    /// <param name="instant">A point in time.</param>
    /// <param name="zone">The hub's time zone.</param>
    public static DateOnly DayIn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The time zone <paramref name="zones"/> names for <paramref name="hub"/>; false when it names none.</summary>
    /// <param name="zones">IANA time zone ids by hub.</param>
    /// <param name="hub">The hub, e.g. <c>KR</c>.</param>
    /// <param name="zone">The hub's zone.</param>
    public static bool TryFind(IReadOnlyDictionary<string, string> zones, string hub, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(zones);
        zone = zones.TryGetValue(hub, out var id) ? TimeZoneInfo.FindSystemTimeZoneById(id) : null;
        return zone is not null;
    }

    /// <summary>True when every zone <paramref name="zones"/> names is one this machine knows (a check at start-up).</summary>
    /// <param name="zones">IANA time zone ids by hub.</param>
    public static bool AllKnown(IReadOnlyDictionary<string, string> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return zones.Values.All(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
    }
}
