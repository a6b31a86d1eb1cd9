using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;
using Hub.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Booking;

/// <summary>Finds a lane by its ends and mode, recording which part of the key is wrong.</summary>
internal static class LaneLookup
{
    /// <summary>The lane with the terms in force at <paramref name="now"/>, read only (never saved from here).</summary>
    public static async Task<Lane?> FindAsync(
        LogisticsDbContext db, V1.LaneKey? key, DateTime now, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            errors["lane"] = ["The lane is required."];
            return null;
        }

        var origin = HubId.TryParse(key.Origin, out var o) ? o : default;
        var destination = HubId.TryParse(key.Destination, out var d) ? d : default;
        var mode = RequestValues.TryParseName<TransportMode>(key.Mode, out var m) ? m : default;
        if (origin == default)
        {
            errors["lane.origin"] = [$"'{key.Origin}' is not a hub id."];
        }

        if (destination == default)
        {
            errors["lane.destination"] = [$"'{key.Destination}' is not a hub id."];
        }

        if (mode == default)
        {
            errors["lane.mode"] = [$"'{key.Mode}' is not AIR or SEA."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var code = Lane.CodeFor(origin, destination, mode);
        var lane = await db.Lanes.AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        lane?.ApplyDue(now);
        return lane;
    }
}
