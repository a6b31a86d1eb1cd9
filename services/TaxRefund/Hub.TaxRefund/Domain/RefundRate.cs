namespace Hub.TaxRefund.Domain;

/// <summary>
/// One dated line of a hub's export VAT refund schedule: goods whose HS code starts with <see cref="HsPrefix"/>
/// (empty = every code) exported on a day in [<see cref="ValidFrom"/>, <see cref="ValidTo"/>) get <see cref="Rate"/>.
/// </summary>
internal sealed class RefundRate
{
    /// <summary>The title of a refusal because of the schedule's other lines.</summary>
    public const string OverlapTitle = "The rate overlaps another line of the schedule.";

    private RefundRate()
    {
        Hub = null!;
        HsPrefix = null!;
    }

    public RefundRate(Guid id, string hub, string hsPrefix, decimal rate, DateOnly validFrom, DateOnly? validTo)
    {
        if (hub.Length != 2 || !hub.All(char.IsAsciiLetterUpper))
        {
            throw TaxRefundException.Invalid("hub", $"'{hub}' is not a hub code such as KR or CN.");
        }

        if (hsPrefix.Length > 10 || !hsPrefix.All(char.IsAsciiDigit))
        {
            throw TaxRefundException.Invalid("hsPrefix", "The HS prefix is 0 to 10 digits.");
        }

        if (rate is < 0m or > 1m)
        {
            throw TaxRefundException.Invalid("rate", "The refund rate is a fraction between 0 and 1 (0.13 for 13 %).");
        }

        if (validTo is { } to && to <= validFrom)
        {
            throw TaxRefundException.Invalid("validTo", "validTo must be after validFrom.");
        }

        Id = id;
        Hub = hub;
        HsPrefix = hsPrefix;
        Rate = rate;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid Id { get; private set; }

    public string Hub { get; private set; }

    public string HsPrefix { get; private set; }

    /// <summary>The refund rate as a fraction (0.09 = 9 %).</summary>
    public decimal Rate { get; private set; }

    /// <summary>First export day the rate applies to.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>First export day it no longer applies to; null while open-ended.</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public bool Overlaps(DateOnly from, DateOnly? to) => (to is null || ValidFrom < to) && (ValidTo is null || from < ValidTo);

    /// <summary>
    /// Makes room in an open-ended line for a line valid from <paramref name="from"/> until <paramref name="to"/>: this
    /// line ends where that one starts and its continuation, at the same rate, starts where that one ends.
    /// </summary>
    /// <returns>The continuation, open-ended like this line was.</returns>
    public RefundRate SplitAround(DateOnly from, DateOnly to, Guid continuationId)
    {
        if (ValidTo is not null)
        {
            throw TaxRefundException.Conflict($"The rate from {ValidFrom:yyyy-MM-dd} is not open-ended; it cannot be split.", OverlapTitle);
        }

        EndOn(from);
        return new RefundRate(continuationId, Hub, HsPrefix, Rate, to, null);
    }

    /// <summary>Ends an open-ended line where its successor starts.</summary>
    public void EndOn(DateOnly day)
    {
        if (day <= ValidFrom)
        {
            throw TaxRefundException.Conflict($"The rate from {ValidFrom:yyyy-MM-dd} cannot end on {day:yyyy-MM-dd}.", OverlapTitle);
        }

        ValidTo = day;
    }
}
