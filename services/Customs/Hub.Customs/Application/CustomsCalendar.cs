using Hub.Contracts.Values;
using Hub.Customs.Domain;
using Hub.ServiceDefaults.Hosting;
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
        today = HubTimeZones.TryFind(options.Value.TimeZones, hub.ToString(), out var zone) ? HubTimeZones.DayIn(clock.GetUtcNow(), zone) : default;
        return zone is not null;
    }
}
