using Hub.ServiceDefaults.Hosting;

namespace Hub.TaxRefund.Domain;

/// <summary>
/// The export date of a declaration is the calendar day in the exporting hub's own time zone: a clearance at
/// 2024-11-30 16:30 UTC is an export on 2024-12-01 in Shanghai (UTC+8), so the new schedule applies.
/// </summary>
internal static class ExportCalendar
{
    public static DateOnly ExportDay(DateTime clearedAtUtc, TimeZoneInfo hubZone) =>
        HubTimeZones.DayIn(new DateTimeOffset(DateTime.SpecifyKind(clearedAtUtc, DateTimeKind.Utc)), hubZone);
}
