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
    ContainerTypeResponse[] Containers)
{
    public static LaneResponse From(Lane lane) => new(
        lane.Code, lane.Origin, lane.Destination, lane.Mode.ToString().ToUpperInvariant(), lane.CutOffWeekdays,
        lane.CutOffTimeUtc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), lane.EarlyCloseFill, lane.VolumetricDivisor,
        lane.Currency, lane.SharedRate, ChargeableWeight.UnitOf(lane.Mode), lane.RatesValidFrom,
        [.. lane.Containers.Select(c => new ContainerTypeResponse(c.Code, c.UsableVolumeM3, c.PayloadKg, c.FullLoadRate))]);
}
