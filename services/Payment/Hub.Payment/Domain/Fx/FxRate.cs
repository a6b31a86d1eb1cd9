using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Fx;

/// <summary>
/// One published version of a pair's rate. Rates are versioned data: a new publication adds a row, the newest
/// <see cref="AsOf"/> of a pair is its current rate, and the history stays for audit.
/// </summary>
internal sealed class FxRate
{
    private FxRate()
    {
    }

    public Guid Id { get; private set; }

    public string BaseCurrency { get; private set; } = "";

    public string QuoteCurrency { get; private set; } = "";

    public decimal Bid { get; private set; }

    public decimal Ask { get; private set; }

    /// <summary>Where the rate came from, e.g. a market data feed or the operator who typed it.</summary>
    public string Source { get; private set; } = "";

    /// <summary>When the source quoted it (UTC).</summary>
    public DateTime AsOf { get; private set; }

    /// <summary>When the hub recorded it (UTC).</summary>
    public DateTime RecordedAt { get; private set; }

    public QuotedRate Rate => QuotedRate.Of(CurrencyCode.Parse(BaseCurrency), CurrencyCode.Parse(QuoteCurrency), Bid, Ask);

    /// <exception cref="ArgumentException">The rate is not a valid two-sided rate, or no source is named.</exception>
    public static FxRate Publish(QuotedRate rate, string source, DateTime asOf, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new FxRate
        {
            Id = Guid.CreateVersion7(),
            BaseCurrency = rate.Base.Code,
            QuoteCurrency = rate.Quote.Code,
            Bid = rate.Bid,
            Ask = rate.Ask,
            Source = source.Trim(),
            AsOf = asOf,
            RecordedAt = now,
        };
    }
}
