using Hub.ServiceDefaults.Problems;

namespace Hub.Order.Domain;

/// <summary>
/// One supplier's part of a purchase, shipped as one consignment, and the process that takes it from placement to
/// settlement. Transitions are guarded: a step already taken (a duplicate or stale event) changes nothing and
/// returns false; a step the order cannot take from where it stands throws <see cref="OrderRuleException"/>.
/// </summary>
internal sealed class TradeOrder
{
    private const string DisputeOpenedStep = "DisputeOpened";
    private const string DisputeResolvedStep = "DisputeResolved";

    private readonly List<OrderLine> _lines = [];
    private readonly List<TimelineEntry> _timeline = [];

    private TradeOrder()
    {
        Id = BuyerCompany = SupplierCompany = SupplierId = SupplierHub = BuyerHub = string.Empty;
        Incoterm = NamedPlace = Destination = Currency = BuyerCurrency = FreightCurrency = DutiesCurrency = FxQuoteId = Mode = string.Empty;
    }

    public TradeOrder(OrderPlacement placement, IReadOnlyList<OrderLine> lines, DateTime at, string cause)
        : this()
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new OrderRuleException("An order needs at least one line.");
        }

        if (lines.Any(l => l.Currency != placement.Currency))
        {
            throw new OrderRuleException($"Every line of a supplier order is priced in the supplier's currency {placement.Currency}.");
        }

        if (lines.Select(l => l.ProductId).Distinct(StringComparer.Ordinal).Count() != lines.Count)
        {
            throw new OrderRuleException("A product appears once per order.");
        }

        Id = placement.OrderId;
        PurchaseId = placement.PurchaseId;
        BuyerCompany = placement.BuyerCompany;
        BuyerHub = placement.BuyerHub;
        SupplierCompany = placement.SupplierCompany;
        SupplierId = placement.SupplierId;
        SupplierName = placement.SupplierName is { } name ? LongText.Fit(name, MaxNameLength) : null;
        BuyerName = placement.BuyerName;
        BuyerAddress = placement.BuyerAddress;
        SupplierHub = placement.SupplierHub;
        Incoterm = placement.Incoterm;
        NamedPlace = placement.NamedPlace;
        Destination = placement.Destination;
        Mode = placement.Mode;
        Currency = placement.Currency;
        BuyerCurrency = placement.BuyerCurrency;
        BuyerTotalMinor = placement.BuyerTotalMinor;
        FxQuoteId = placement.FxQuoteId;
        FxQuoteExpiresAt = placement.FxQuoteExpiresAt;
        FreightMinor = placement.FreightMinor;
        FreightCurrency = placement.FreightCurrency;
        DutiesMinor = placement.DutiesMinor;
        DutiesCurrency = placement.DutiesCurrency;
        PartnerHub = placement.PartnerHub;
        _lines.AddRange(lines);
        GoodsTotalMinor = lines.Sum(l => l.LineTotalMinor);
        PlacedAt = UpdatedAt = at;
        Status = OrderStatus.Placed;
        Record(at, BuyerHub, "Placed", cause, $"{lines.Count} line(s), {Amounts.Of(GoodsTotalMinor, Currency)}");
    }

    public string Id { get; private set; }

    public Guid PurchaseId { get; private set; }

    public string BuyerCompany { get; private set; }

    public string BuyerHub { get; private set; }

    /// <summary>
    /// The buyer's legal name and address as its profile stood when the order was placed: its declarations name the
    /// buyer by them (by its company id where it registered none).
    /// </summary>
    public string? BuyerName { get; private set; }

    public string? BuyerAddress { get; private set; }

    /// <summary>The partner hub that placed the order for its buyer (and may follow and act on it), or null.</summary>
    public string? PartnerHub { get; private set; }

    public string SupplierCompany { get; private set; }

    public string SupplierId { get; private set; }

    /// <summary>
    /// The supplier's name as it registered at its catalog: declarations name the exporter by it, and payment screens
    /// the payee by it before releasing the escrow. Null for orders placed before it was kept, or when the catalog gave none.
    /// </summary>
    public string? SupplierName { get; private set; }

    public string SupplierHub { get; private set; }

    public string Incoterm { get; private set; }

    public string NamedPlace { get; private set; }

    /// <summary>The buyer's country the goods go to.</summary>
    public string Destination { get; private set; }

    /// <summary>AIR or SEA.</summary>
    public string Mode { get; private set; }

    /// <summary>The supplier's currency, in which lines and the goods total are priced.</summary>
    public string Currency { get; private set; }

    public long GoodsTotalMinor { get; private set; }

    public string BuyerCurrency { get; private set; }

    public long BuyerTotalMinor { get; private set; }

    public string FxQuoteId { get; private set; }

    public DateTime FxQuoteExpiresAt { get; private set; }

    public long FreightMinor { get; private set; }

    public string FreightCurrency { get; private set; }

    public long DutiesMinor { get; private set; }

    public string DutiesCurrency { get; private set; }

    public OrderStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public string? ConsignmentId { get; private set; }

    public string? ExportDeclarationId { get; private set; }

    public string? ImportDeclarationId { get; private set; }

    public DateTime PlacedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the current step times out (null: no step pending).</summary>
    public DateTime? DueBy { get; private set; }

    /// <summary>
    /// When the export declaration is tried again if it has not been lodged by then (the supplier's hub did not answer
    /// through its message's redeliveries): set in PaymentSecured only, cleared once the declaration is lodged.
    /// </summary>
    public DateTime? ExportRetryAt { get; private set; }

    /// <summary>PostgreSQL's xmin: two writers of one order cannot both win.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public bool IsTerminal => Status is OrderStatus.Completed || HasEndedEarly;

    /// <summary>Cancelled, failed or refunded: ended without the supplier being paid.</summary>
    public bool HasEndedEarly => Status is OrderStatus.Cancelled or OrderStatus.Failed or OrderStatus.Refunded;

    /// <summary>A dispute the buyer opened at payment while the goods were on their way was recorded, and no decision on it.</summary>
    public bool HasOpenDispute => _timeline.Any(t => t.Step == DisputeOpenedStep) && !_timeline.Any(t => t.Step == DisputeResolvedStep);

    public bool HasReached(OrderStatus status) =>
        Status == status || (Status < OrderStatus.Cancelled && status < OrderStatus.Cancelled && Status > status);

    /// <summary>The buyer's funds are in escrow; <paramref name="shipBy"/> is when the payment terms promise the goods depart.</summary>
    public bool SecurePayment(DateTime at, string hub, string cause, DateTime? shipBy = null) =>
        Move(OrderStatus.Placed, OrderStatus.PaymentSecured, at, hub, cause,
            shipBy is { } due ? $"goods to depart by {Moments.Of(due)}, or the buyer is compensated for each day late" : null);

    public bool ClearExport(string declarationId, DateTime at, string hub, string cause)
    {
        if (!Move(OrderStatus.PaymentSecured, OrderStatus.ExportCleared, at, hub, cause, $"export declaration {declarationId}"))
        {
            return false;
        }

        ExportDeclarationId = declarationId;
        return true;
    }

    public bool Book(string consignmentId, DateTime at, string hub, string cause)
    {
        if (!Move(OrderStatus.ExportCleared, OrderStatus.Booked, at, hub, cause, $"consignment {consignmentId}"))
        {
            return false;
        }

        ConsignmentId = consignmentId;
        return true;
    }

    public bool Depart(DateTime at, string hub, string cause) =>
        Move(OrderStatus.Booked, OrderStatus.Departed, at, hub, cause, null);

    public bool ClearImport(string declarationId, long dutiesMinor, string dutiesCurrency, DateTime at, string hub, string cause)
    {
        if (!Move(OrderStatus.Departed, OrderStatus.ImportCleared, at, hub, cause, $"import declaration {declarationId}: {Amounts.Of(dutiesMinor, dutiesCurrency)} duties and taxes"))
        {
            return false;
        }

        ImportDeclarationId = declarationId;
        DutiesMinor = dutiesMinor;
        DutiesCurrency = dutiesCurrency;
        return true;
    }

    public bool Deliver(DateTime at, string hub, string cause) =>
        Move(OrderStatus.ImportCleared, OrderStatus.Delivered, at, hub, cause, null);

    public bool ConfirmReceipt(bool automatic, DateTime at, string hub, string cause)
    {
        if (Status == OrderStatus.Disputed)
        {
            throw new OrderRuleException($"Order {Id} is disputed; an operator's decision on the dispute settles its escrow.");
        }

        return Move(OrderStatus.Delivered, OrderStatus.ReceiptConfirmed, at, hub, cause, automatic ? "confirmed automatically" : "confirmed by the buyer");
    }

    /// <summary>
    /// The buyer disputes the delivered order: it waits, without a timeout, for the operator's decision on the frozen
    /// escrow instead of the buyer's receipt.
    /// </summary>
    /// <exception cref="OrderRuleException">Not delivered yet, or past receipt.</exception>
    public bool Dispute(string reason, DateTime at, string hub, string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == OrderStatus.Disputed)
        {
            return false;
        }

        if (Status != OrderStatus.Delivered)
        {
            throw new OrderRuleException($"Order {Id} is {Status}; a dispute can be opened once it is delivered and until its receipt is confirmed, or after its completion within the escrow's protection window.");
        }

        Finish(OrderStatus.Disputed, at, hub, OrderStatus.Disputed.ToString(), cause, reason);
        return true;
    }

    /// <summary>A dispute opened at payment before the goods arrived: recorded; the order goes on and is disputed on delivery.</summary>
    public void NoteDisputeOpened(string reason, DateTime at, string hub, string cause) => Record(at, hub, DisputeOpenedStep, cause, reason);

    /// <summary>
    /// The buyer disputed the order after the escrow's release, within its protection window: recorded once (false when it
    /// was); the order stays Completed, and the operators' decision claws back from the supplier what it gives the buyer.
    /// </summary>
    /// <exception cref="OrderRuleException">Not completed.</exception>
    public bool NoteDisputeAfterRelease(string reason, DateTime at, string hub, string cause)
    {
        if (Status != OrderStatus.Completed)
        {
            throw new OrderRuleException($"Order {Id} is {Status}; a dispute after the release is of a completed order.");
        }

        if (_timeline.Any(t => t.Step == DisputeOpenedStep))
        {
            return false;
        }

        Record(at, hub, DisputeOpenedStep, cause, reason);
        return true;
    }

    /// <summary>An operator's decision that leaves the order to the escrow's release (or comes after its end): recorded.</summary>
    public void NoteDisputeResolved(string decision, DateTime at, string hub, string cause) => Record(at, hub, DisputeResolvedStep, cause, decision);

    /// <summary>
    /// The escrow was released to the supplier: the order is complete. <paramref name="protectedUntil"/> is until when the
    /// buyer may still dispute it, when payment says.
    /// </summary>
    public bool Complete(DateTime at, string hub, string cause, DateTime? protectedUntil = null)
    {
        var detail = protectedUntil is { } until
            ? $"escrow released; the buyer may dispute the order until {Moments.Of(until)}"
            : "escrow released";
        if (Status is OrderStatus.Delivered or OrderStatus.Disputed)
        {
            // Payment may release on its own schedule before the buyer confirmed, or on an operator's decision.
            return Move(Status, OrderStatus.Completed, at, hub, cause, detail);
        }

        return Move(OrderStatus.ReceiptConfirmed, OrderStatus.Completed, at, hub, cause, detail);
    }

    /// <summary>
    /// The hub's operators refunded the buyer in full after delivery: their decision on the buyer's dispute, or on a payee
    /// whose denied-party match held the release. The order ends, the supplier unpaid.
    /// </summary>
    /// <exception cref="OrderRuleException">Not delivered, or past its end.</exception>
    public bool Refund(string detail, DateTime at, string hub, string cause)
    {
        if (Status == OrderStatus.Refunded)
        {
            return false;
        }

        if (Status is not (OrderStatus.Delivered or OrderStatus.Disputed or OrderStatus.ReceiptConfirmed))
        {
            throw new OrderRuleException($"Order {Id} is {Status}; only a delivered order whose escrow is not released is refunded by the operators' decision.");
        }

        Finish(OrderStatus.Refunded, at, hub, OrderStatus.Refunded.ToString(), cause, detail);
        return true;
    }

    /// <summary>The buyer withdraws the order; only before export clearance.</summary>
    public Compensation Cancel(string by, DateTime at, string hub, string cause)
    {
        if (Status == OrderStatus.Cancelled)
        {
            return Compensation.None;
        }

        if (Status is not (OrderStatus.Placed or OrderStatus.PaymentSecured))
        {
            throw new OrderRuleException($"Order {Id} is {Status}; it can be cancelled only before export clearance.");
        }

        var compensation = CompensationFor(Status);
        Finish(OrderStatus.Cancelled, at, hub, "Cancelled", cause, $"cancelled by {by}");
        return compensation;
    }

    /// <summary>The order cannot go on; records why and says what must be undone.</summary>
    public Compensation Fail(string reason, DateTime at, string hub, string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == OrderStatus.Failed)
        {
            return Compensation.None;
        }

        if (IsTerminal)
        {
            throw new OrderRuleException($"Order {Id} is {Status}; it can no longer fail.");
        }

        var compensation = CompensationFor(Status);
        FailureReason = LongText.Fit(reason, MaxTextLength);
        Finish(OrderStatus.Failed, at, hub, "Failed", cause, reason);
        return compensation;
    }

    /// <summary>Sets when the current step times out; a disputed order waits for the decision, however long it takes.</summary>
    public void Expect(DateTime? dueBy) => DueBy = IsTerminal || Status == OrderStatus.Disputed ? null : dueBy;

    /// <summary>Sets when the export declaration is tried again (null once it is lodged); kept in PaymentSecured only.</summary>
    public void RetryExportAt(DateTime? at) => ExportRetryAt = Status == OrderStatus.PaymentSecured ? at : null;

    /// <summary>Records a step that does not change the state (a command sent, a compensation done).</summary>
    public void Note(DateTime at, string hub, string step, string cause, string? detail) => Record(at, hub, step, cause, detail);

    /// <summary>
    /// What withdraws a step the supplier's hub took for this order after it was cancelled or failed without it (a
    /// call that outlived the order's compensation): the export declaration that cleared, or the consignment booked.
    /// Null when the order has not ended that way or took the step itself.
    /// </summary>
    /// <param name="step">ExportCleared or Booked.</param>
    public Compensation? LateStepUndo(OrderStatus step) =>
        Status is not (OrderStatus.Cancelled or OrderStatus.Failed) ? null
        : step switch
        {
            OrderStatus.ExportCleared when ExportDeclarationId is null => new(ReleaseStock: false, RefundEscrow: false, WithdrawExport: true),
            OrderStatus.Booked when ConsignmentId is null => new(ReleaseStock: false, RefundEscrow: false, WithdrawConsignment: true),
            _ => null,
        };

    // Until the goods depart they are the supplier's: the stock goes back (reserved, or committed at export clearance)
    // and the consignment leaves its pool (asked from payment on, in case a booking went through in an attempt whose
    // own save did not). Escrow is held from payment until release (and asked back from Placed on too: funds secured
    // while their event is still on its way are not left in escrow for an order that ended). The export is declared
    // once payment is secured and stands until the goods depart, the import from departure until it clears (and is
    // asked back from Booked on too, for one lodged by a departure step whose own save did not go through).
    private static Compensation CompensationFor(OrderStatus status) =>
        new(ReleaseStock: status < OrderStatus.Departed,
            RefundEscrow: status < OrderStatus.Completed,
            WithdrawExport: status is >= OrderStatus.PaymentSecured and < OrderStatus.Departed,
            WithdrawImport: status is OrderStatus.Booked or OrderStatus.Departed,
            WithdrawConsignment: status is >= OrderStatus.PaymentSecured and < OrderStatus.Departed);

    private bool Move(OrderStatus from, OrderStatus to, DateTime at, string hub, string cause, string? detail)
    {
        if (HasReached(to) || HasEndedEarly)
        {
            return false;
        }

        if (Status != from)
        {
            throw new OrderRuleException($"Order {Id} is {Status}; it cannot become {to} before it is {from}.");
        }

        Status = to;
        UpdatedAt = at;
        DueBy = null;
        ExportRetryAt = null;
        Record(at, hub, to.ToString(), cause, detail);
        return true;
    }

    private void Finish(OrderStatus status, DateTime at, string hub, string step, string cause, string? detail)
    {
        Status = status;
        UpdatedAt = at;
        DueBy = null;
        ExportRetryAt = null;
        Record(at, hub, step, cause, detail);
    }

    private void Record(DateTime at, string hub, string step, string cause, string? detail) =>
        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, hub, step, cause, detail is null ? null : LongText.Fit(detail, MaxTextLength)));

    /// <summary>How long a failure reason or a step's detail is kept; what another service says is cut to fit.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The longest company name kept: a supplier's (payment screens the payee by it), a buyer's legal name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest buyer's address kept, as customs keeps a party's address.</summary>
    public const int MaxAddressLength = 500;

}
