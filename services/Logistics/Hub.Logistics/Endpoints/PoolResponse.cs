using Hub.Logistics.Domain.Pools;

namespace Hub.Logistics.Endpoints;

internal sealed record PoolResponse(
    Guid Id, Guid LaneId, string Status, DateTime CutOffAt, int Consignments, decimal VolumeM3, decimal WeightKg, DateTime OpenedAt, DateTime? ClosedAt, string? CloseReason)
{
    public static PoolResponse From(Pool p) => new(
        p.Id, p.LaneId, p.Status.ToString(), p.CutOffAt, p.Consignments, decimal.Round(p.VolumeCm3 / 1_000_000m, 6), p.WeightKg, p.OpenedAt, p.ClosedAt, p.CloseReason);
}
