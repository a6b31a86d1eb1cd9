using Hub.Contracts.Logistics;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain;
using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Lanes;
using Hub.Logistics.Domain.Shipments;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Tracking;

/// <summary>
/// Records tracking milestones from operators or a carrier feed, guarded by the records' own state, and publishes
/// the matching events through the outbox in the same transaction, here and at the hubs that own the orders.
/// </summary>
internal sealed class TrackingRecorder(LogisticsDbContext db, IOutbox outbox, ServiceIdentity identity, ILogger<TrackingRecorder> logger)
{
    public const string Departed = "Departed";
    public const string Arrived = "Arrived";
    public const string OutForDelivery = "OutForDelivery";
    public const string Delivered = "Delivered";

    public async Task<(TrackingOutcome Outcome, string? Problem)> RecordShipmentAsync(Guid shipmentId, string kind, DateTime at, string by, CancellationToken cancellationToken)
    {
        if (kind is not (Departed or Arrived))
        {
            return (TrackingOutcome.UnknownKind, $"A shipment records {Departed} or {Arrived}, not '{kind}'.");
        }

        var numbers = await db.Shipments.AsNoTracking().Where(s => s.Id == shipmentId)
            .SelectMany(s => s.Items.Select(i => i.ConsignmentNumber)).Distinct().OrderBy(n => n).ToArrayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Shipments sharing a split consignment take its rows in one order and decide in turn: the last shipment to
        // arrive sees every other one arrived, and departures of two shipments do not both move the same consignment.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM consignments WHERE number = ANY({numbers}) ORDER BY number FOR UPDATE", cancellationToken);
        var shipment = await db.Shipments.FirstOrDefaultAsync(s => s.Id == shipmentId, cancellationToken);
        if (shipment is null)
        {
            return (TrackingOutcome.NotFound, null);
        }

        var lane = await db.Lanes.AsNoTracking().FirstAsync(l => l.Id == shipment.LaneId, cancellationToken);
        var consignments = await db.Consignments.Where(c => numbers.Contains(c.Number)).ToListAsync(cancellationToken);
        try
        {
            if (kind == Departed)
            {
                var bookedAt = await db.Plans.Where(p => p.Id == shipment.PlanId).Select(p => p.CreatedAt).FirstAsync(cancellationToken);
                shipment.Depart(at, bookedAt);
                consignments.ForEach(c => c.Depart());
                outbox.PublishForOrders(identity.Hub, Orders(shipment), new ShipmentDeparted(shipment.Id, shipment.MasterBill, lane.Origin, lane.Destination, lane.Mode.ToString(),
                    References(shipment), Orders(shipment), at));
                BillFreight(shipment, lane, consignments, at);
            }
            else
            {
                shipment.Arrive(at);
                foreach (var consignment in consignments)
                {
                    if (!await OnOtherShipmentStillMovingAsync(shipment.Id, consignment.Number, cancellationToken))
                    {
                        consignment.Arrive();
                    }
                }

                outbox.PublishForOrders(identity.Hub, Orders(shipment), new ShipmentArrived(shipment.Id, shipment.MasterBill, lane.Origin, lane.Destination, lane.Mode.ToString(),
                    References(shipment), Orders(shipment), at));
            }
        }
        catch (IllegalTransitionException ex)
        {
            return (TrackingOutcome.IllegalTransition, ex.Message);
        }
        catch (MilestoneOutOfOrderException ex)
        {
            return (TrackingOutcome.OutOfOrder, ex.Message);
        }

        db.TrackingEvents.Add(TrackingEvent.ForShipment(shipment.Id, kind, at, by));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (TrackingOutcome.ChangedMeanwhile, $"Shipment {shipment.MasterBill} or one of its consignments changed meanwhile; read it again.");
        }

        LogisticsLog.ShipmentTracked(logger, shipment.MasterBill, kind, by);
        return (TrackingOutcome.Recorded, null);
    }

    public async Task<(TrackingOutcome Outcome, string? Problem)> RecordConsignmentAsync(string reference, string kind, DateTime at, string by, CancellationToken cancellationToken)
    {
        if (kind is not (OutForDelivery or Delivered))
        {
            return (TrackingOutcome.UnknownKind, $"A consignment records {OutForDelivery} or {Delivered}, not '{kind}'.");
        }

        var consignment = await db.Consignments.FirstOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        if (consignment is null)
        {
            return (TrackingOutcome.NotFound, null);
        }

        try
        {
            // Each checks the time against the milestone before it: the arrival of the consignment's last shipment, then
            // its own going out for delivery (both recorded as tracking events, the latest of which is the one before).
            var previous = await LatestMilestoneAsync(consignment, cancellationToken);
            if (kind == OutForDelivery)
            {
                consignment.GoOutForDelivery(at, previous);
            }
            else
            {
                consignment.Deliver(at, previous);
                outbox.PublishForOrder(identity.Hub, consignment.OrderId, new ConsignmentDelivered(consignment.Reference, consignment.OrderId, consignment.CompanyId, at));
            }
        }
        catch (IllegalTransitionException ex)
        {
            return (TrackingOutcome.IllegalTransition, ex.Message);
        }
        catch (MilestoneOutOfOrderException ex)
        {
            return (TrackingOutcome.OutOfOrder, ex.Message);
        }

        db.TrackingEvents.Add(TrackingEvent.ForConsignment(consignment.Number, kind, at, by));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (TrackingOutcome.ChangedMeanwhile, $"Consignment {consignment.Reference} changed meanwhile; read it again.");
        }

        return (TrackingOutcome.Recorded, null);
    }

    // The time of the consignment's latest milestone: its own tracking events and those of the shipments carrying it
    // (its booking when it has none).
    private async Task<DateTime> LatestMilestoneAsync(Consignment consignment, CancellationToken cancellationToken)
    {
        // Two index lookups joined by UNION ALL: one condition OR-ed with the other would read every tracking event.
        var shipments = db.Shipments.Where(s => s.Items.Any(i => i.ConsignmentNumber == consignment.Number)).Select(s => (Guid?)s.Id);
        var latest = await db.TrackingEvents.Where(t => t.ConsignmentNumber == consignment.Number).Select(t => (DateTime?)t.OccurredAt)
            .Concat(db.TrackingEvents.Where(t => shipments.Contains(t.ShipmentId)).Select(t => (DateTime?)t.OccurredAt))
            .MaxAsync(cancellationToken);
        return latest is { } at && at > consignment.BookedAt ? at : consignment.BookedAt;
    }

    // A split consignment has arrived only when every shipment carrying part of it has.
    private Task<bool> OnOtherShipmentStillMovingAsync(Guid shipmentId, long consignment, CancellationToken cancellationToken) =>
        db.Shipments.AnyAsync(
            s => s.Id != shipmentId && s.Status != ShipmentStatus.Arrived && s.Items.Any(i => i.ConsignmentNumber == consignment),
            cancellationToken);

    /// <summary>
    /// Bills each consignment on board its share of the departed shipment's freight, to the company its booking named,
    /// here and at the hub that owns its order. A departure is recorded once, so each share is billed once.
    /// </summary>
    private void BillFreight(Shipment shipment, Lane lane, IReadOnlyList<Consignment> consignments, DateTime at)
    {
        var byReference = consignments.ToDictionary(c => c.Reference);
        foreach (var item in shipment.Items.Where(i => i.FreightAmount != 0))
        {
            var share = new Money(item.FreightAmount, lane.RateCurrency);
            outbox.PublishForOrder(identity.Hub, item.OrderId, new FreightBilled(shipment.Id, shipment.MasterBill, item.ConsignmentReference, item.OrderId,
                byReference[item.ConsignmentReference].FreightPayer, share.ToMinorUnits(), share.Currency.Code, at));
        }
    }

    private static List<string> References(Shipment shipment) => [.. shipment.Items.Select(i => i.ConsignmentReference)];

    private static List<string> Orders(Shipment shipment) => [.. shipment.Items.Select(i => i.OrderId)];
}
