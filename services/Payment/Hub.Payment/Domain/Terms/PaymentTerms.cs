namespace Hub.Payment.Domain.Terms;

/// <summary>
/// The hub's commercial terms as versioned data: FX margin, platform fee, how long a quote stays locked and after how
/// many days an unconfirmed escrow is released. The newest version in effect applies; older ones stay for audit.
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

    public string ChangedBy { get; private set; } = "";

    public TimeSpan QuoteLock => TimeSpan.FromSeconds(QuoteLockSeconds);

    /// <exception cref="ArgumentOutOfRangeException">A value outside its range.</exception>
    public static PaymentTerms Adopt(int fxMarginBps, int platformFeeBps, int quoteLockSeconds, int autoReleaseDays, int disputeNegotiationDays, string changedBy, DateTime effectiveFrom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fxMarginBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fxMarginBps, 1_000);
        ArgumentOutOfRangeException.ThrowIfNegative(platformFeeBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(platformFeeBps, 2_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(quoteLockSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quoteLockSeconds, 86_400);
        ArgumentOutOfRangeException.ThrowIfLessThan(autoReleaseDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(autoReleaseDays, 365);
        ArgumentOutOfRangeException.ThrowIfNegative(disputeNegotiationDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(disputeNegotiationDays, 60);
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
            ChangedBy = changedBy,
        };
    }
}
