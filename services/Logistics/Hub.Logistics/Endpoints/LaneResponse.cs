using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;

namespace Hub.Logistics.Endpoints;

internal sealed record LaneResponse(
    string Code,
    string Origin,
    string Destination,
    string Mode,
    int[] CutOffWeekdays,
    string CutOffTimeUtc,
    decimal EarlyCloseFill,
    decimal VolumetricDivisor,
    string Currency,
    decimal SharedRate,
    string ChargeableUnit,
    DateTime RatesValidFrom,
    ContainerTypeResponse[] Containers,
    ScheduledLaneTermsResponse[] Scheduled)
{
    public static LaneResponse From(Lane lane) => new(
        lane.Code, lane.Origin, lane.Destination, lane.Mode.ToString().ToUpperInvariant(), lane.CutOffWeekdays,
        lane.CutOffTimeUtc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), lane.EarlyCloseFill, lane.VolumetricDivisor,
        lane.Currency, lane.SharedRate, ChargeableWeight.UnitOf(lane.Mode), lane.RatesValidFrom,
        ContainersOf(lane.Containers), [.. lane.Scheduled.Select(ScheduledLaneTermsResponse.From)]);

    internal static ContainerTypeResponse[] ContainersOf(IEnumerable<ContainerType> containers) =>
        [.. containers.Select(c => new ContainerTypeResponse(c.Code, c.UsableVolumeM3, c.PayloadKg, c.FullLoadRate))];
}

/// <summary>A revision of a lane's terms still to come into force; withdrawn with DELETE …/scheduled/{id}.</summary>
internal sealed record ScheduledLaneTermsResponse(
    Guid Id,
    DateTime ValidFrom,
    DateTime ScheduledAt,
    int[] CutOffWeekdays,
    string CutOffTimeUtc,
    decimal EarlyCloseFill,
    decimal VolumetricDivisor,
    string Currency,
    decimal SharedRate,
    ContainerTypeResponse[] Containers)
{
    public static ScheduledLaneTermsResponse From(ScheduledLaneTerms scheduled)
    {
        var terms = scheduled.Terms;
        return new(
            scheduled.Id, scheduled.ValidFrom, scheduled.ScheduledAt, [.. terms.CutOffWeekdays],
            terms.CutOffTimeUtc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), terms.EarlyCloseFill, terms.VolumetricDivisor,
            terms.Currency.Code, terms.SharedRate, LaneResponse.ContainersOf(terms.Containers));
    }
}
