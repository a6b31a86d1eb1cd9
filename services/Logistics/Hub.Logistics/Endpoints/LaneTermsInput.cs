using System.Globalization;
using Hub.Contracts.Values;
using Hub.Logistics.Domain.Lanes;

namespace Hub.Logistics.Endpoints;

/// <summary>Checks a lane request field by field before anything reaches the domain.</summary>
internal static class LaneTermsInput
{
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(5);

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

        if (request.EarlyCloseFill is <= 0 or > 1)
        {
            errors["earlyCloseFill"] = ["A share above 0 and at most 1, e.g. 0.9."];
        }

        if (request.VolumetricDivisor <= 0)
        {
            errors["volumetricDivisor"] = ["Must be positive, e.g. 6000 (cm³ per kg)."];
        }

        if (!CurrencyCode.TryParse(request.Currency, out var currency))
        {
            errors["currency"] = [$"'{request.Currency}' is not an ISO 4217 currency code."];
        }

        if (request.SharedRate < 0)
        {
            errors["sharedRate"] = ["Cannot be negative."];
        }

        // Terms come into force at once or at a later time (a scheduled revision); never in the past, where estimates and
        // bills were made on the terms in force then. A few minutes of clock difference count as now.
        var validFrom = request.ValidFrom?.ToUniversalTime() ?? now;
        if (validFrom < now - PastTolerance)
        {
            errors["validFrom"] = ["Terms cannot come into force in the past: leave validFrom out for terms in force at once, or give a later time."];
        }

        var containers = Containers(request.Containers, errors);
        return errors.Count > 0
            ? null
            : new LaneTerms(request.CutOffWeekdays!, time, request.EarlyCloseFill, request.VolumetricDivisor, currency, request.SharedRate,
                validFrom > now ? validFrom : now, containers);
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
            if (string.IsNullOrWhiteSpace(c.Code) || c.Code.Length > 16)
            {
                errors[$"containers[{i}].code"] = ["A code of 1 to 16 characters, e.g. 40HC."];
            }

            if (c.UsableVolumeM3 <= 0 || c.PayloadKg <= 0 || c.FullLoadRate < 0)
            {
                errors[$"containers[{i}]"] = ["Usable volume and payload must be positive, the full-load rate not negative."];
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
}
