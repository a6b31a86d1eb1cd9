using Hub.Contracts.Values;
using Hub.Customs.Domain;
using Microsoft.Extensions.Options;

namespace Hub.Customs.Application;

/// <summary>
/// The customs day: the calendar day of a hub's customs authority, in its own time zone (<see cref="CustomsOptions.TimeZones"/>),
/// not the UTC day. An order placed at 08:00 in Seoul is declared on that Korean day, not on the UTC day before.
/// </summary>
internal sealed class CustomsCalendar(IOptions<CustomsOptions> options, TimeProvider clock)
{
    /// <summary>Today at <paramref name="hub"/>'s customs authority.</summary>
    /// <param name="hub">The hub whose authority declares (the destination of an import).</param>
    /// <exception cref="MissingReferenceDataException">No time zone is configured for the hub.</exception>
    public DateOnly Today(HubId hub) =>
        TryToday(hub, out var today)
            ? today
            : throw new MissingReferenceDataException("destinationHub", $"Hub {hub} has no customs time zone configured (Customs:TimeZones), so its customs day is unknown.");

    /// <summary>Today at <paramref name="hub"/>'s customs authority; false when no time zone is configured for it.</summary>
    /// <param name="hub">The hub whose authority declares.</param>
    /// <param name="today">The authority's calendar day now.</param>
    public bool TryToday(HubId hub, out DateOnly today)
    {
        if (!options.Value.TimeZones.TryGetValue(hub.ToString(), out var id))
        {
            today = default;
            return false;
        }

        today = DayIn(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(id));
        return true;
    }

    /// <summary>The calendar day of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    /// <param name="instant">A point in time.</param>
    /// <param name="zone">The authority's time zone.</param>
    public static DateOnly DayIn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>True when every configured zone is a time zone this machine knows.</summary>
    /// <param name="options">The settings to check.</param>
    public static bool AllZonesKnown(CustomsOptions options) =>
        options.TimeZones.Values.All(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
}
