namespace Hub.Payment.Domain.Terms;

/// <summary>
/// The hub's commercial terms as versioned data: FX margin, platform fee, how long a quote stays locked, after how
/// many days an unconfirmed escrow is released, how long a buyer may dispute after the release, and the on-time
/// shipment promise. The newest version in effect applies; older ones stay for audit.
/// </summary>
internal sealed class PaymentTerms
{
    private PaymentTerms()
    {
    }

    public Guid Id { get; private set; }

    public DateTime EffectiveFrom { get; private set; }

    /// <summary>Taken off the market bid of a buyer's FX quote, in basis points.</summary>
    public int FxMarginBps { get; private set; }

    /// <summary>Kept from the supplier's settlement on release, in basis points.</summary>
    public int PlatformFeeBps { get; private set; }

    public int QuoteLockSeconds { get; private set; }

    /// <summary>Days after securing after which an escrow is released without a receipt confirmation (at least 1).</summary>
    public int AutoReleaseDays { get; private set; }

    /// <summary>Days buyer and supplier negotiate a dispute before either may escalate it to the platform.</summary>
    public int DisputeNegotiationDays { get; private set; }

    /// <summary>Days after the release during which the buyer may still dispute the order (the protection window).</summary>
    public int ProtectionDays { get; private set; }

    /// <summary>Days after securing within which the goods are promised to depart (see <see cref="LateShipmentRule"/>).</summary>
    public int ShipWithinDays { get; private set; }

    /// <summary>What each day of a late departure earns the buyer, in basis points of what it paid.</summary>
    public int LateShipmentBpsPerDay { get; private set; }

    /// <summary>The most a late departure earns the buyer, in basis points of what it paid.</summary>
    public int LateShipmentCapBps { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public LateShipmentRule LateShipment => new(ShipWithinDays, LateShipmentBpsPerDay, LateShipmentCapBps);

    public TimeSpan QuoteLock => TimeSpan.FromSeconds(QuoteLockSeconds);

    /// <exception cref="PaymentException">A value outside its range, with the field at fault.</exception>
    public static PaymentTerms Adopt(
        int fxMarginBps, int platformFeeBps, int quoteLockSeconds, int autoReleaseDays, int disputeNegotiationDays, int protectionDays, LateShipmentRule lateShipment,
        string changedBy, DateTime effectiveFrom)
    {
        ArgumentNullException.ThrowIfNull(lateShipment);
        Within(fxMarginBps, 0, 1_000, "fxMarginBps", "The FX margin is 0 to 1,000 basis points");
        Within(platformFeeBps, 0, 2_000, "platformFeeBps", "The platform fee is 0 to 2,000 basis points");
        Within(quoteLockSeconds, 1, 86_400, "quoteLockSeconds", "A quote is locked for 1 to 86,400 seconds");
        Within(autoReleaseDays, 1, 365, "autoReleaseDays", "Auto-release is after 1 to 365 days");
        Within(disputeNegotiationDays, 0, 60, "disputeNegotiationDays", "Dispute negotiation lasts 0 to 60 days");
        Within(protectionDays, 0, 365, "protectionDays", "Disputes after the release are open 0 to 365 days");
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        return new PaymentTerms
        {
            Id = Guid.CreateVersion7(),
            EffectiveFrom = effectiveFrom,
            FxMarginBps = fxMarginBps,
            PlatformFeeBps = platformFeeBps,
            QuoteLockSeconds = quoteLockSeconds,
            AutoReleaseDays = autoReleaseDays,
            DisputeNegotiationDays = disputeNegotiationDays,
            ProtectionDays = protectionDays,
            ShipWithinDays = lateShipment.ShipWithinDays,
            LateShipmentBpsPerDay = lateShipment.BpsPerDay,
            LateShipmentCapBps = lateShipment.CapBps,
            ChangedBy = changedBy,
        };
    }

    /// <exception cref="PaymentException"><paramref name="value"/> is outside <paramref name="min"/>..<paramref name="max"/>, naming <paramref name="field"/>.</exception>
    internal static void Within(int value, int min, int max, string field, string range)
    {
        if (value < min || value > max)
        {
            throw PaymentException.Invalid(field, FormattableString.Invariant($"{range} (was {value})."));
        }
    }
}
