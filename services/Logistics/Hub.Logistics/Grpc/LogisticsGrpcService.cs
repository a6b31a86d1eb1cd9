using System.Globalization;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Logistics.Booking;
using Hub.Logistics.Data;
using Hub.Logistics.Domain;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.V1;
using Hub.Platform.V1;
using Microsoft.EntityFrameworkCore;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Probes;
using Hub.ServiceDefaults.Validation;

namespace Hub.Logistics.Grpc;

internal sealed class LogisticsGrpcService(
    MessagingProbeRunner probes, LogisticsDbContext db, ConsignmentBooking booking, ConsignmentCancellation cancellation, TimeProvider clock,
    ServiceIdentity identity)
    : V1.Logistics.LogisticsBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);

    public override async Task<EstimateFreightReply> EstimateFreight(EstimateFreightRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var cartons = CartonInput.Parse(request.Cartons, errors);
        var lane = await LaneLookup.FindAsync(db, request.Lane, clock.GetUtcNow().UtcDateTime, errors, context.CancellationToken);
        ThrowIfInvalid(errors);
        if (lane is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No lane {request.Lane.Origin} → {request.Lane.Destination} by {request.Lane.Mode}."));
        }

        var (chargeable, price) = FreightBounds.Price(lane, cartons, errors) ?? throw ProtoFields.Invalid(errors);
        return new EstimateFreightReply
        {
            LaneCode = lane.Code,
            ChargeableWeight = Text(chargeable),
            ChargeableUnit = ChargeableWeight.UnitOf(lane.Mode),
            ActualWeightKg = Text(cartons.Sum(c => c.WeightKg)),
            VolumeM3 = Text(decimal.Round(cartons.Sum(c => c.VolumeCm3) / 1_000_000m, 6)),
            PriceMinorUnits = price.ToMinorUnits(),
            Currency = price.Currency.Code,
            NextCutOff = Text(lane.NextCutOff(clock.GetUtcNow().UtcDateTime)),
        };
    }

    public override async Task<BookConsignmentReply> BookConsignment(BookConsignmentRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OrderId.TryParse(request.OrderId, out var order))
        {
            errors["order_id"] = [WellFormedIds.Malformed(request.OrderId, OrderId.Kind)!];
        }

        if (!CompanyId.TryParse(request.CompanyId, out var company))
        {
            errors["company_id"] = [WellFormedIds.Malformed(request.CompanyId, CompanyId.Kind)!];
        }
        else if (company.Hub != identity.Hub)
        {
            // The supplier ships from this hub: a company of another hub has no goods to consign here.
            errors["company_id"] = [$"The supplier's company must be a company of hub {identity.Hub}; {company} is of hub {company.Hub}."];
        }

        var payer = company;
        if (request.FreightPayer.Length > 0)
        {
            if (!CompanyId.TryParse(request.FreightPayer, out payer))
            {
                errors["freight_payer"] = [WellFormedIds.Malformed(request.FreightPayer, CompanyId.Kind)!];
            }
            else if (payer != company && !errors.ContainsKey("order_id") && payer.Hub != order.Hub)
            {
                // The supplier, or the buyer: a company of the hub that owns the order.
                errors["freight_payer"] = [$"The freight is billed to the supplier or to a company of the order's hub {order.Hub}; {payer} is of hub {payer.Hub}."];
            }
        }

        var cartons = CartonInput.Parse(request.Cartons, errors);
        var lane = await LaneLookup.FindAsync(db, request.Lane, clock.GetUtcNow().UtcDateTime, errors, context.CancellationToken);
        ThrowIfInvalid(errors);
        if (lane is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No lane {request.Lane.Origin} → {request.Lane.Destination} by {request.Lane.Mode}."));
        }

        _ = FreightBounds.Price(lane, cartons, errors) ?? throw ProtoFields.Invalid(errors);
        BookingResult result;
        try
        {
            result = await booking.BookAsync(order, company, payer, lane, cartons, context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Bookings kept colliding on the lane's pool; the client's retry pipeline treats Aborted as transient.
            throw new RpcException(new Status(StatusCode.Aborted, "The lane's pool is busy; retry the booking.", ex));
        }

        var consignment = result.Consignment;
        return new BookConsignmentReply
        {
            ConsignmentId = consignment.Reference,
            Status = consignment.Status.ToString(),
            AlreadyBooked = result.AlreadyBooked,
            ChargeableWeight = Text(consignment.ChargeableWeight),
            ChargeableUnit = ChargeableWeight.UnitOf(lane.Mode),
            PoolId = consignment.PoolId?.ToString() ?? string.Empty,
            CutOffAt = result.Pool is { } pool ? Text(pool.CutOffAt) : string.Empty,
            FlagReason = consignment.FlagReason ?? string.Empty,
        };
    }

    public override async Task<CancelConsignmentReply> CancelConsignment(CancelConsignmentRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OrderId.TryParse(request.OrderId, out var order))
        {
            errors["order_id"] = [WellFormedIds.Malformed(request.OrderId, OrderId.Kind)!];
        }

        var reason = request.Reason.Trim();
        if (reason.Length is 0 or > 200)
        {
            errors["reason"] = ["Say why the order will not ship (at most 200 characters)."];
        }

        ThrowIfInvalid(errors);
        CancellationResult? result;
        try
        {
            result = await cancellation.CancelAsync(order, reason, context.CancellationToken);
        }
        catch (IllegalTransitionException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "The consignment changed meanwhile; retry the cancellation.", ex));
        }

        if (result is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Order {order} has no consignment here."));
        }

        var consignment = result.Consignment;
        return new CancelConsignmentReply
        {
            ConsignmentId = consignment.Reference,
            Status = consignment.Status.ToString(),
            AlreadyCancelled = result.AlreadyCancelled,
            CancelReason = consignment.CancelReason ?? string.Empty,
            CancelledAt = consignment.CancelledAt is { } at ? Text(at) : string.Empty,
        };
    }

    private static void ThrowIfInvalid(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw ProtoFields.Invalid(errors);
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);
}
