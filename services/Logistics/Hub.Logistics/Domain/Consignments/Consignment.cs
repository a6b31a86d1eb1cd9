using Hub.Contracts.Values;

namespace Hub.Logistics.Domain.Consignments;

/// <summary>One supplier order's goods moving through a lane: its cartons, its pool, its shipment(s) and its state.</summary>
internal sealed class Consignment
{
    private List<Carton> _cartons = [];

    private Consignment()
    {
        Reference = OrderId = CompanyId = FreightPayer = Hub = string.Empty;
    }

    /// <summary>The sequence number behind <see cref="Reference"/>.</summary>
    public long Number { get; private set; }

    /// <summary>The hub-qualified id, e.g. <c>KR-C-000001</c>.</summary>
    public string Reference { get; private set; }

    public string Hub { get; private set; }

    public string OrderId { get; private set; }

    /// <summary>The supplier's company: its users see this consignment.</summary>
    public string CompanyId { get; private set; }

    /// <summary>
    /// The company billed the consignment's share of the freight when its shipment departs: the supplier, or the buyer
    /// when the order's Incoterm leaves the main carriage to it.
    /// </summary>
    public string FreightPayer { get; private set; }

    public Guid LaneId { get; private set; }

    public Guid? PoolId { get; private set; }

    public IReadOnlyList<Carton> Cartons => _cartons;

    public decimal ChargeableWeight { get; private set; }

    public ConsignmentStatus Status { get; private set; }

    public string? FlagReason { get; private set; }

    public string? HouseBill { get; private set; }

    /// <summary>Freight allocated from the shipment bill(s), in <see cref="FreightCurrency"/>.</summary>
    public decimal? FreightAmount { get; private set; }

    public string? FreightCurrency { get; private set; }

    public DateTime BookedAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Books the order's cartons onto the lane; the freight is billed to <paramref name="freightPayer"/>, or to the supplier when null.</summary>
    public static Consignment Book(
        ConsignmentId id, OrderId order, CompanyId company, Guid laneId, IReadOnlyList<Carton> cartons, decimal chargeableWeight, DateTime now,
        CompanyId? freightPayer = null)
    {
        if (cartons.Count == 0)
        {
            throw new ArgumentException("A consignment has at least one carton.", nameof(cartons));
        }

        return new Consignment
        {
            Number = id.Number,
            Reference = id.ToString(),
            Hub = id.Hub.ToString(),
            OrderId = order.ToString(),
            CompanyId = company.ToString(),
            FreightPayer = (freightPayer ?? company).ToString(),
            LaneId = laneId,
            _cartons = [.. cartons],
            ChargeableWeight = chargeableWeight,
            Status = ConsignmentStatus.Pooled,
            BookedAt = now,
        };
    }

    public void JoinPool(Guid poolId)
    {
        Expect(ConsignmentStatus.Pooled, "join a pool");
        PoolId = poolId;
    }

    /// <summary>Sets the consignment aside with the reason; its pool is planned without it.</summary>
    public void Flag(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Expect(ConsignmentStatus.Pooled, "be flagged");
        Status = ConsignmentStatus.Flagged;
        FlagReason = reason;
    }

    /// <summary>
    /// Takes the consignment out of its pool (or out of the flagged ones) because its order will not ship. False when it
    /// was cancelled before: the first reason stands.
    /// </summary>
    public bool Cancel(string reason, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == ConsignmentStatus.Cancelled)
        {
            return false;
        }

        if (Status is not (ConsignmentStatus.Pooled or ConsignmentStatus.Flagged))
        {
            throw new IllegalTransitionException(
                $"Consignment {Reference} of order {OrderId} is {Status}: it is planned into a shipment or already moving and can no longer be cancelled.");
        }

        Status = ConsignmentStatus.Cancelled;
        CancelReason = reason;
        CancelledAt = now;
        PoolId = null;
        return true;
    }

    public void Load(string houseBill)
    {
        Expect(ConsignmentStatus.Pooled, "be loaded");
        Status = ConsignmentStatus.Planned;
        HouseBill = houseBill;
    }

    /// <summary>Adds a share of a shipment's freight bill (a split consignment gets one from each of its shipments).</summary>
    public void ChargeFreight(Money share)
    {
        if (FreightCurrency is not null && FreightCurrency != share.Currency.Code)
        {
            throw new InvalidOperationException($"Consignment {Reference} is charged in {FreightCurrency}, not {share.Currency}.");
        }

        FreightAmount = (FreightAmount ?? 0) + share.Amount;
        FreightCurrency = share.Currency.Code;
    }

    /// <summary>Its (first) shipment left; repeated departures of a split consignment's other shipments change nothing.</summary>
    public bool Depart()
    {
        if (Status == ConsignmentStatus.Departed)
        {
            return false;
        }

        Expect(ConsignmentStatus.Planned, "depart");
        Status = ConsignmentStatus.Departed;
        return true;
    }

    public void Arrive()
    {
        Expect(ConsignmentStatus.Departed, "arrive");
        Status = ConsignmentStatus.Arrived;
    }

    /// <summary>The consignment went out for delivery at <paramref name="at"/>, which cannot be before it arrived.</summary>
    /// <param name="at">When it went out.</param>
    /// <param name="arrivedAt">When it arrived (its last shipment's arrival; the consignment does not keep that itself).</param>
    /// <exception cref="IllegalTransitionException">It has not arrived.</exception>
    /// <exception cref="MilestoneOutOfOrderException"><paramref name="at"/> is before <paramref name="arrivedAt"/>.</exception>
    public void GoOutForDelivery(DateTime at, DateTime arrivedAt)
    {
        Expect(ConsignmentStatus.Arrived, "go out for delivery");
        NotBefore(at, arrivedAt, "go out for delivery", "arrived");
        Status = ConsignmentStatus.OutForDelivery;
    }

    /// <summary>The consignment was delivered at <paramref name="at"/>, which cannot be before it went out for delivery.</summary>
    /// <param name="at">When it was delivered.</param>
    /// <param name="outForDeliveryAt">When it went out for delivery (recorded as a tracking milestone, not on the consignment).</param>
    /// <exception cref="IllegalTransitionException">It is not out for delivery.</exception>
    /// <exception cref="MilestoneOutOfOrderException"><paramref name="at"/> is before <paramref name="outForDeliveryAt"/>.</exception>
    public void Deliver(DateTime at, DateTime outForDeliveryAt)
    {
        Expect(ConsignmentStatus.OutForDelivery, "be delivered");
        NotBefore(at, outForDeliveryAt, "be delivered", "went out for delivery");
        Status = ConsignmentStatus.Delivered;
        DeliveredAt = at;
    }

    private void NotBefore(DateTime at, DateTime previous, string action, string previousStep)
    {
        if (at < previous)
        {
            throw new MilestoneOutOfOrderException(
                $"Consignment {Reference} {previousStep} at {previous:u}; it cannot {action} at {at:u}, before that.");
        }
    }

    private void Expect(ConsignmentStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new IllegalTransitionException($"Consignment {Reference} is {Status} and cannot {action}; it must be {expected}.");
        }
    }
}
