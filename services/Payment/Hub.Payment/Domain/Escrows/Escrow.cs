using System.Linq.Expressions;
using Hub.Contracts.Values;
using Hub.Payment.Domain.Terms;
using Hub.ServiceDefaults.Problems;

namespace Hub.Payment.Domain.Escrows;

/// <summary>
/// An order's funds held between payment and delivery. Released once to the supplier, or refunded (in parts) to the
/// buyer; refunds never exceed what remains, and nothing moves after release or a full refund.
/// </summary>
internal sealed class Escrow
{
    private Escrow()
    {
    }

    public string OrderId { get; private set; } = "";

    public string BuyerCompany { get; private set; } = "";

    public string SupplierCompany { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public decimal PaidAmount { get; private set; }

    public decimal RefundedAmount { get; private set; }

    /// <summary>
    /// What the import's duties and taxes took from the escrow, under DDP (the supplier, as importer of record, bears
    /// them out of its share); zero otherwise.
    /// </summary>
    public decimal DutiesPaidAmount { get; private set; }

    public string SettlementCurrency { get; private set; } = "";

    /// <summary>What the supplier receives (before the fee) if nothing is refunded.</summary>
    public decimal SettlementAmount { get; private set; }

    public Guid QuoteId { get; private set; }

    /// <summary>The platform fee in force when the funds were secured, in basis points: the release keeps it.</summary>
    public int PlatformFeeBps { get; private set; }

    public EscrowStatus Status { get; private set; }

    public DateTime SecuredAt { get; private set; }

    /// <summary>
    /// The days after delivery the buyer has to confirm receipt or dispute before payment releases the funds on its
    /// own: the payment terms' in force when the funds were secured.
    /// </summary>
    public int AutoReleaseDays { get; private set; }

    /// <summary>
    /// When it is released without a confirmation; none until the order is delivered, so funds are never released
    /// for goods still on their way (an order that fails in transit is refunded).
    /// </summary>
    public DateTime? ReleaseDueAt { get; private set; }

    /// <summary>
    /// When the goods are promised to depart: the payment terms' days in force when the funds were secured, from then;
    /// none for funds secured before the promise was kept.
    /// </summary>
    public DateTime? ShipBy { get; private set; }

    /// <summary>What each day of a late departure earns the buyer, in basis points of what it paid (the terms' at securing).</summary>
    public int LateShipmentBpsPerDay { get; private set; }

    /// <summary>The most a late departure earns the buyer, in basis points of what it paid (the terms' at securing).</summary>
    public int LateShipmentCapBps { get; private set; }

    /// <summary>When the goods first departed, as the supplier's hub recorded it.</summary>
    public DateTime? DepartedAt { get; private set; }

    /// <summary>
    /// Days after the release during which the buyer may still dispute the order (the protection window): the payment
    /// terms' in force when the funds were secured.
    /// </summary>
    public int ProtectionDays { get; private set; }

    /// <summary>Until when the buyer of a released escrow may dispute it; null before the release.</summary>
    public DateTime? ProtectedUntil => ReleasedAt?.AddDays(ProtectionDays);

    public DateTime? ReleasedAt { get; private set; }

    public bool? ReleasedAutomatically { get; private set; }

    public decimal? SettledAmount { get; private set; }

    public decimal? FeeAmount { get; private set; }

    /// <summary>A dispute freezes the escrow: no release (by confirmation or automatically) until it is decided.</summary>
    public bool UnderDispute { get; private set; }

    /// <summary>The longest name kept: the supplier's as the order gives it, and the listed name a screening matched (cut to fit).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The supplier's registered name, as the order named it when the funds were secured; null when it named none.</summary>
    public string? SupplierName { get; private set; }

    /// <summary>The name the payee is screened under before the release: its registered name, else its company id.</summary>
    public string Payee => SupplierName ?? SupplierCompany;

    /// <summary>The payee's last screening against the hub's denied-party list, before a release; null until one ran.</summary>
    public DateTime? PayeeScreenedAt { get; private set; }

    public double? PayeeScore { get; private set; }

    public int? PayeeListVersion { get; private set; }

    public string? PayeeMatchedName { get; private set; }

    /// <summary>When a screening hit held the release for the operators' review.</summary>
    public DateTime? PayeeHeldAt { get; private set; }

    /// <summary>The operators' decision on a held payee; null until they decide.</summary>
    public PayeeDecision? PayeeDecision { get; private set; }

    public string? PayeeDecidedBy { get; private set; }

    public DateTime? PayeeDecidedAt { get; private set; }

    public string? PayeeDecisionNote { get; private set; }

    /// <summary>A screening hit holds the release until the operators decide.</summary>
    public bool PayeeHeld => HoldsPayee.Invoke(this);

    /// <summary><see cref="PayeeHeld"/> as a query asks it of the escrows' table.</summary>
    public static readonly Expression<Func<Escrow, bool>> PayeeHeldRule =
        e => e.Status == EscrowStatus.Secured && e.PayeeHeldAt != null && e.PayeeDecision == null;

    /// <summary>The opposite of <see cref="PayeeHeldRule"/>, as a query asks it.</summary>
    public static readonly Expression<Func<Escrow, bool>> PayeeNotHeldRule =
        Expression.Lambda<Func<Escrow, bool>>(Expression.Not(PayeeHeldRule.Body), PayeeHeldRule.Parameters);

    private static readonly Func<Escrow, bool> HoldsPayee = PayeeHeldRule.Compile();

    /// <summary>Held funds whose payee is screened before they are released: neither on hold nor cleared by the operators.</summary>
    public bool NeedsPayeeScreening => Status == EscrowStatus.Secured && PayeeHeldAt is null;

    public Money Paid => new(PaidAmount, CurrencyCode.Parse(Currency));

    public Money Refunded => new(RefundedAmount, CurrencyCode.Parse(Currency));

    public Money DutiesPaid => new(DutiesPaidAmount, CurrencyCode.Parse(Currency));

    public Money Remaining => Paid - Refunded - DutiesPaid;

    public Money Settlement => new(SettlementAmount, CurrencyCode.Parse(SettlementCurrency));

    public static Escrow Secure(
        OrderId order, CompanyId buyer, CompanyId supplier, string? supplierName, Money paid, Money settlement, Guid quoteId, int platformFeeBps, DateTime now, int autoReleaseDays,
        LateShipmentRule lateShipment, int protectionDays) => new()
    {
        OrderId = order.ToString(),
        BuyerCompany = buyer.ToString(),
        SupplierCompany = supplier.ToString(),
        SupplierName = string.IsNullOrWhiteSpace(supplierName) ? null : supplierName.Trim(),
        Currency = paid.Currency.Code,
        PaidAmount = paid.Amount,
        SettlementCurrency = settlement.Currency.Code,
        SettlementAmount = settlement.Amount,
        QuoteId = quoteId,
        PlatformFeeBps = platformFeeBps,
        Status = EscrowStatus.Secured,
        SecuredAt = now,
        AutoReleaseDays = autoReleaseDays,
        ShipBy = now.AddDays(lateShipment.ShipWithinDays),
        LateShipmentBpsPerDay = lateShipment.BpsPerDay,
        LateShipmentCapBps = lateShipment.CapBps,
        ProtectionDays = protectionDays,
    };

    /// <summary>
    /// The goods departed at <paramref name="departedAt"/>: the first departure of held funds is recorded, with what it
    /// earns the buyer when it came after <see cref="ShipBy"/> (zero when on time, and when it would leave the escrow
    /// nothing to release: an escrow is never emptied by a compensation). Null for a later departure (a consignment split
    /// over shipments counts its first) and for funds no longer held.
    /// </summary>
    public LateDeparture? RecordDeparture(DateTime departedAt)
    {
        if (Status != EscrowStatus.Secured || DepartedAt is not null)
        {
            return null;
        }

        DepartedAt = departedAt;
        var days = ShipBy is { } due ? LateShipmentRule.DaysLate(due, departedAt) : 0;
        var owed = LateShipmentRule.Compensation(Paid, days, LateShipmentBpsPerDay, LateShipmentCapBps);
        return new LateDeparture(days, owed < Remaining ? owed : Money.Zero(Paid.Currency));
    }

    /// <summary>
    /// The goods were delivered and the buyer asked to confirm receipt by <paramref name="confirmBy"/>: the funds fall
    /// due for release at the later of that and <see cref="AutoReleaseDays"/> from <paramref name="now"/>, never
    /// cutting the buyer's own time short. Only the first delivery counts; false when nothing changed.
    /// </summary>
    /// <param name="confirmBy">When the order confirms receipt on the buyer's behalf.</param>
    /// <param name="now">When the delivery became known.</param>
    public bool StartReleaseClock(DateTime confirmBy, DateTime now)
    {
        if (Status != EscrowStatus.Secured || ReleaseDueAt is not null)
        {
            return false;
        }

        var own = now.AddDays(AutoReleaseDays);
        ReleaseDueAt = confirmBy > own ? confirmBy : own;
        return true;
    }

    /// <summary>True when a repeated secure request names exactly these terms.</summary>
    public bool HasTerms(CompanyId buyer, CompanyId supplier, Money paid, Guid quoteId) =>
        BuyerCompany == buyer.ToString() && SupplierCompany == supplier.ToString() && Paid == paid && QuoteId == quoteId;

    /// <summary>
    /// What the supplier is owed for what remains: the full settlement, or, after partial refunds or duties paid, the
    /// same share of it rounded down (the buyer's refunds are never paid to the supplier).
    /// </summary>
    public Money SettlementForRemaining() => SettlementFor(Remaining);

    /// <summary>What the supplier would be owed if <paramref name="remaining"/> were what remains (see <see cref="SettlementForRemaining"/>).</summary>
    public Money SettlementFor(Money remaining) =>
        remaining == Paid ? Settlement : new Money(SettlementAmount * remaining.Amount / PaidAmount, Settlement.Currency).Round(MoneyRounding.Down);

    /// <summary>True when <paramref name="remaining"/> would settle nothing for the supplier once converted and the fee kept.</summary>
    public bool SettlesNothing(Money remaining) => FeeSplit.Split(SettlementFor(remaining), PlatformFeeBps).Supplier.Amount == 0;

    /// <summary>
    /// The buyer disputes the order: held funds are frozen until an operator decides; released ones can be disputed
    /// until <see cref="ProtectedUntil"/>, while something of them has not been given back (nothing is frozen: the
    /// decision claws back from the supplier).
    /// </summary>
    /// <exception cref="PaymentException">Refunded in full, released with nothing left or longer ago than the protection window.</exception>
    public void AcceptDispute(DateTime now)
    {
        if (Status == EscrowStatus.Released)
        {
            if (now > ProtectedUntil || Remaining.Amount == 0)
            {
                throw new PaymentException(PaymentErrorKind.Refused, "protection-ended",
                    $"Order {OrderId} was released at {ReleasedAt:O}; its buyer could dispute it for {ProtectionDays} days, until {ProtectedUntil:O}, while something of it was not given back.");
            }

            return;
        }

        EnsureHeld("be disputed");
        UnderDispute = true;
    }

    /// <summary>
    /// Gives the buyer back part of what was released, on a dispute decided within the protection window: the supplier
    /// returns its share of it (see <see cref="SettlementFor"/>).
    /// </summary>
    /// <exception cref="PaymentException">Not released, or more than was released and not given back yet.</exception>
    public void RefundAfterRelease(Money amount)
    {
        if (Status != EscrowStatus.Released)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "escrow-" + Status.ToString().ToLowerInvariant(), $"The escrow of order {OrderId} is {Status.ToString().ToLowerInvariant()}, not released.");
        }

        AddRefund(amount);
    }

    public void EndDispute() => UnderDispute = false;

    /// <summary>
    /// Records the payee's screening before a release; a hit holds the release until the operators decide (see
    /// <see cref="DecidePayee"/>). True when it held the release.
    /// </summary>
    /// <exception cref="PaymentException">Not held, or no screening is due (on hold, or cleared).</exception>
    public bool RecordPayeeScreening(PayeeScreening screening, DateTime now)
    {
        EnsureHeld("be screened for release");
        if (!NeedsPayeeScreening)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "payee-held", $"The payee of order {OrderId} is on hold for the operators' review.");
        }

        PayeeScreenedAt = now;
        PayeeScore = screening.Score;
        PayeeListVersion = screening.ListVersion;
        // The hub's list keeps names of any length; the escrow keeps what fits.
        PayeeMatchedName = screening.MatchedName is { } matched ? LongText.Fit(matched, MaxNameLength) : null;
        if (screening.Hit)
        {
            PayeeHeldAt = now;
        }

        return screening.Hit;
    }

    /// <summary>
    /// The operators' decision on a payee the screening held: a false match is released as usual, a confirmed one
    /// refunded to the buyer (by the caller). The same decision again changes nothing (false); another one is a conflict.
    /// </summary>
    /// <exception cref="PaymentException">No release on hold, or decided otherwise already.</exception>
    public bool DecidePayee(PayeeDecision decision, string decidedBy, string note, DateTime now)
    {
        if (PayeeHeldAt is null)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "payee-not-held", $"The release of order {OrderId} is not on hold for its payee.");
        }

        if (PayeeDecision is { } earlier)
        {
            return earlier == decision
                ? false
                : throw new PaymentException(PaymentErrorKind.Conflict, "payee-decided", $"The payee of order {OrderId} was decided already: {earlier}.", "decision");
        }

        EnsureHeld("be decided");
        PayeeDecision = decision;
        PayeeDecidedBy = decidedBy;
        PayeeDecidedAt = now;
        PayeeDecisionNote = note;
        return true;
    }

    /// <exception cref="PaymentException">Already refunded in full, frozen by a dispute, or its payee on hold.</exception>
    public void Release(Money settled, Money fee, bool automatic, DateTime now)
    {
        EnsureHeld("be released");
        if (UnderDispute)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "escrow-disputed", $"The escrow of order {OrderId} is frozen by a dispute; an operator's decision releases it.");
        }

        // A decision is only ever on a held payee, so every cleared one was screened.
        if (PayeeScreenedAt is null || PayeeHeld)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "payee-held", $"The payee of order {OrderId} is not cleared for release by a screening or the operators.");
        }

        Status = EscrowStatus.Released;
        ReleasedAt = now;
        ReleasedAutomatically = automatic;
        SettledAmount = settled.Amount;
        FeeAmount = fee.Amount;
    }

    /// <summary>
    /// Releases an escrow whose remainder converts to less than the supplier's minor unit: nothing is settled, and the
    /// remainder (returned) goes back to the buyer rather than into a posting line of zero.
    /// </summary>
    /// <exception cref="PaymentException">Already refunded in full, or frozen by a dispute.</exception>
    public Money ReleaseRemainderToBuyer(bool automatic, DateTime now)
    {
        var remainder = Remaining;
        var nothing = Money.Zero(Settlement.Currency);
        Release(nothing, nothing, automatic, now);
        RefundedAmount += remainder.Amount;
        return remainder;
    }

    /// <exception cref="PaymentException">Released already, or more than remains.</exception>
    public void Refund(Money amount)
    {
        EnsureHeld("be refunded");
        AddRefund(amount);
        if (Remaining.Amount == 0)
        {
            Status = EscrowStatus.Refunded;
        }
    }

    /// <summary>
    /// Pays the import's duties and taxes out of the held funds, the supplier bearing them (DDP); returns what was taken.
    /// Nothing is taken from funds no longer held, nor twice, nor when the charge is not less than what remains: the
    /// escrow is never emptied by a charge (a held escrow always has something to release or refund), and a charge it
    /// cannot bear is left whole to the operators.
    /// </summary>
    /// <exception cref="PaymentException">The charge is not in the escrow's currency.</exception>
    public Money PayDuties(Money charge)
    {
        if (charge.Currency != Paid.Currency)
        {
            throw PaymentException.Invalid("currency", $"Order {OrderId} was paid in {Currency}; its duties are in {charge.Currency}.");
        }

        if (Status != EscrowStatus.Secured || DutiesPaidAmount != 0 || charge.Amount <= 0 || charge >= Remaining)
        {
            return Money.Zero(charge.Currency);
        }

        DutiesPaidAmount = charge.Amount;
        return charge;
    }

    // A refund of at most what remains: what is held, or once released, what was released and not given back yet.
    private void AddRefund(Money amount)
    {
        if (amount.Amount <= 0 || amount > Remaining)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "refund-exceeds-paid", $"A refund of {amount} exceeds the {Remaining} that remains of the {Paid} paid for order {OrderId}.", "amount");
        }

        RefundedAmount += amount.Amount;
    }

    private void EnsureHeld(string purpose)
    {
        if (Status != EscrowStatus.Secured)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "escrow-" + Status.ToString().ToLowerInvariant(), $"The escrow of order {OrderId} is {Status.ToString().ToLowerInvariant()} and cannot {purpose}.");
        }
    }
}

/// <summary>A first departure: the whole days it came late (0 on time) and the compensation it earns the buyer.</summary>
internal sealed record LateDeparture(int DaysLate, Money Compensation);
