using System.Globalization;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Lanes;

namespace Hub.Logistics.Endpoints;

/// <summary>Checks a lane request field by field before anything reaches the domain.</summary>
internal static class LaneTermsInput
{
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A validFrom this close ahead of the hub's clock is a caller's "now" on a clock running a little fast.</summary>
    public static readonly TimeSpan AheadTolerance = TimeSpan.FromMinutes(1);

    public static LaneTerms? Read(LaneRequest request, DateTime now, Dictionary<string, string[]> errors)
    {
        if (request.CutOffWeekdays is not { Length: > 0 } days || days.Any(d => d is < 0 or > 6))
        {
            errors["cutOffWeekdays"] = ["Give at least one weekday, 0 (Sunday) to 6 (Saturday)."];
        }

        if (!TimeOnly.TryParseExact(request.CutOffTimeUtc, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors["cutOffTimeUtc"] = ["Give the cut-off time as HH:mm (UTC)."];
        }

        if (request.EarlyCloseFill is <= 0 or > 1 || !LaneColumns.EarlyCloseFill.Fits(request.EarlyCloseFill))
        {
            errors["earlyCloseFill"] = ["A share above 0 and at most 1 with at most 4 decimals, e.g. 0.9."];
        }

        if (request.VolumetricDivisor <= 0 || !LaneColumns.VolumetricDivisor.Fits(request.VolumetricDivisor))
        {
            errors["volumetricDivisor"] = ["Must be positive, below 100,000,000 with at most 2 decimals, e.g. 6000 (cm³ per kg)."];
        }

        if (!CurrencyCode.TryParse(request.Currency, out var currency))
        {
            errors["currency"] = [$"'{request.Currency}' is not an ISO 4217 currency code."];
        }

        if (request.SharedRate < 0 || !LaneColumns.Rate.Fits(request.SharedRate))
        {
            errors["sharedRate"] = ["Cannot be negative; below 10^14 with at most 4 decimals."];
        }

        // Terms come into force at once or at a later time (a scheduled revision); never in the past, where estimates and
        // bills were made on the terms in force then. A little clock difference either way counts as now. Times are UTC
        // (one without an offset too), to the second.
        var validFrom = request.ValidFrom is { } given ? WholeSeconds(given.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : given.ToUniversalTime()) : now;
        if (validFrom < now - PastTolerance)
        {
            errors["validFrom"] = ["Terms cannot come into force in the past: leave validFrom out for terms in force at once, or give a later time."];
        }

        var containers = Containers(request.Containers, errors);
        return errors.Count > 0
            ? null
            : new LaneTerms(request.CutOffWeekdays!, time, request.EarlyCloseFill, request.VolumetricDivisor, currency, request.SharedRate,
                validFrom > now + AheadTolerance ? validFrom : now, containers);
    }

    private static List<ContainerType> Containers(ContainerTypeRequest[]? input, Dictionary<string, string[]> errors)
    {
        var containers = new List<ContainerType>();
        if (input is not { Length: > 0 })
        {
            errors["containers"] = ["Give at least one container or ULD type."];
            return containers;
        }

        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is null)
            {
                errors[$"containers[{i}]"] = ["Give the container's code, usable volume, payload and full-load rate."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(c.Code) || c.Code.Length > 16)
            {
                errors[$"containers[{i}].code"] = ["A code of 1 to 16 characters, e.g. 40HC."];
            }

            if (c.UsableVolumeM3 <= 0 || c.PayloadKg <= 0 || c.FullLoadRate < 0
                || !LaneColumns.VolumeM3.Fits(c.UsableVolumeM3) || !LaneColumns.PayloadKg.Fits(c.PayloadKg) || !LaneColumns.Rate.Fits(c.FullLoadRate))
            {
                errors[$"containers[{i}]"] = ["Usable volume and payload must be positive (at most 3 decimals), the full-load rate not negative (at most 4)."];
            }
            else if (!string.IsNullOrWhiteSpace(c.Code))
            {
                containers.Add(new ContainerType(c.Code, c.UsableVolumeM3, c.PayloadKg, c.FullLoadRate));
            }
        }

        if (containers.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != containers.Count)
        {
            errors["containers"] = ["Each container code may appear once."];
        }

        return containers;
    }

    private static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
