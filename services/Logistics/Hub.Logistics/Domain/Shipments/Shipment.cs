using Hub.Contracts.Values;
using Hub.Logistics.Domain.Freight;

namespace Hub.Logistics.Domain.Shipments;

/// <summary>One container or ULD of a plan under a master bill, with the consignments it carries.</summary>
internal sealed class Shipment
{
    private List<ShipmentItem> _items = [];

    private Shipment()
    {
        ContainerCode = MasterBill = Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid LaneId { get; private set; }

    public int ContainerNumber { get; private set; }

    public string ContainerCode { get; private set; }

    public string MasterBill { get; private set; }

    public ShipmentStatus Status { get; private set; }

    public decimal FreightAmount { get; private set; }

    public string Currency { get; private set; }

    public DateTime? DepartedAt { get; private set; }

    public DateTime? ArrivedAt { get; private set; }

    public IReadOnlyList<ShipmentItem> Items => _items;

    public uint Version { get; private set; }

    /// <summary>Books the container and allocates its freight bill over the items by chargeable weight.</summary>
    public static Shipment Book(Guid planId, Guid laneId, int containerNumber, string containerCode, string masterBill, Money bill, IReadOnlyList<ShipmentItem> items)
    {
        var shares = FreightAllocation.Allocate(bill, [.. items.Select(i => i.ChargeableWeight)]);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Charge(shares[i].Amount);
        }

        return new Shipment
        {
            Id = Guid.CreateVersion7(),
            PlanId = planId,
            LaneId = laneId,
            ContainerNumber = containerNumber,
            ContainerCode = containerCode,
            MasterBill = masterBill,
            Status = ShipmentStatus.Booked,
            FreightAmount = bill.Amount,
            Currency = bill.Currency.Code,
            _items = [.. items],
        };
    }

    /// <summary>The shipment left at <paramref name="at"/>, which cannot be before it was booked.</summary>
    /// <param name="at">When it left.</param>
    /// <param name="bookedAt">When its plan booked it (the shipment does not keep that itself).</param>
    /// <exception cref="IllegalTransitionException">It is not Booked.</exception>
    /// <exception cref="MilestoneOutOfOrderException"><paramref name="at"/> is before <paramref name="bookedAt"/>.</exception>
    public void Depart(DateTime at, DateTime bookedAt)
    {
        Expect(ShipmentStatus.Booked, "depart");
        NotBefore(at, bookedAt, "depart", "was booked");
        Status = ShipmentStatus.Departed;
        DepartedAt = at;
    }

    /// <summary>The shipment arrived at <paramref name="at"/>, which cannot be before it departed.</summary>
    /// <param name="at">When it arrived.</param>
    /// <exception cref="IllegalTransitionException">It has not departed.</exception>
    /// <exception cref="MilestoneOutOfOrderException"><paramref name="at"/> is before its departure.</exception>
    public void Arrive(DateTime at)
    {
        Expect(ShipmentStatus.Departed, "arrive");
        NotBefore(at, DepartedAt!.Value, "arrive", "departed");
        Status = ShipmentStatus.Arrived;
        ArrivedAt = at;
    }

    private void NotBefore(DateTime at, DateTime previous, string action, string previousStep)
    {
        if (at < previous)
        {
            throw new MilestoneOutOfOrderException(
                $"Shipment {MasterBill} {previousStep} at {previous:u}; it cannot {action} at {at:u}, before that.");
        }
    }

    private void Expect(ShipmentStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new IllegalTransitionException($"Shipment {MasterBill} is {Status} and cannot {action}; it must be {expected}.");
        }
    }
}
