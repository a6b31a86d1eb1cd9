using Hub.Logistics.Domain.Consignments;

namespace Hub.Logistics.Endpoints;

internal sealed record ConsignmentResponse(
    string Id,
    string OrderId,
    string CompanyId,
    string Status,
    int Cartons,
    decimal ChargeableWeight,
    Guid? PoolId,
    string? FlagReason,
    string? HouseBill,
    decimal? FreightAmount,
    string? FreightCurrency,
    DateTime BookedAt,
    DateTime? DeliveredAt,
    string? CancelReason,
    DateTime? CancelledAt)
{
    public static ConsignmentResponse From(Consignment c) => new(
        c.Reference, c.OrderId, c.CompanyId, c.Status.ToString(), c.Cartons.Count, c.ChargeableWeight, c.PoolId, c.FlagReason,
        c.HouseBill, c.FreightAmount, c.FreightCurrency, c.BookedAt, c.DeliveredAt, c.CancelReason, c.CancelledAt);
}
