using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Fx;

/// <summary>
/// A two-sided rate BASE/QUOTE: the price of one <see cref="Base"/> in <see cref="Quote"/>, bid below ask,
/// both at most <see cref="RateRounding.Decimals"/> decimals.
/// </summary>
internal sealed record QuotedRate
{
    private QuotedRate(CurrencyCode @base, CurrencyCode quote, decimal bid, decimal ask)
    {
        Base = @base;
        Quote = quote;
        Bid = bid;
        Ask = ask;
    }

    public CurrencyCode Base { get; }

    public CurrencyCode Quote { get; }

    public decimal Bid { get; }

    public decimal Ask { get; }

    /// <summary>(bid + ask) / 2, to the rate scale with banker's rounding.</summary>
    public decimal Mid => RateRounding.Normalize(RateRounding.Nearest((Bid + Ask) / 2));

    /// <summary>A rate as published (by an operator or a source); it must already fit the rate scale.</summary>
    /// <exception cref="ArgumentException">Same currency on both sides, a side not positive, bid not below ask, or too many decimals.</exception>
    public static QuotedRate Of(CurrencyCode @base, CurrencyCode quote, decimal bid, decimal ask)
    {
        if (!RateRounding.FitsScale(bid) || !RateRounding.FitsScale(ask))
        {
            throw new ArgumentException($"Rates carry at most {RateRounding.Decimals} decimals.");
        }

        return Checked(@base, quote, bid, ask);
    }

    /// <summary>
    /// A derived rate from exact sides, each rounded toward the mid; when the sides are too close for that to leave bid
    /// below ask, each is rounded away from the mid instead (see <see cref="RateRounding"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The bid rounds to zero: the rate is too small for the rate scale.</exception>
    public static QuotedRate Derived(CurrencyCode @base, CurrencyCode quote, decimal exactBid, decimal exactAsk)
    {
        var (bid, ask) = (RateRounding.Up(exactBid), RateRounding.Down(exactAsk));
        if (bid >= ask)
        {
            (bid, ask) = (RateRounding.Down(exactBid), RateRounding.Up(exactAsk));
            if (bid == 0 && exactBid > 0)
            {
                throw new ArgumentException($"{@base}/{quote} {exactBid} is below the smallest rate {RateRounding.Decimals} decimals carry.");
            }
        }

        return Checked(@base, quote, bid, ask);
    }

    /// <summary>QUOTE/BASE: inverse bid = 1/ask, inverse ask = 1/bid.</summary>
    public QuotedRate Invert() => Derived(Quote, Base, 1m / Ask, 1m / Bid);

    /// <summary>This rate's sides unrounded, as seen from <paramref name="from"/>: inverted exactly when it is the quote side.</summary>
    public (decimal Bid, decimal Ask) ExactFrom(CurrencyCode from) =>
        from == Base ? (Bid, Ask)
        : from == Quote ? (1m / Ask, 1m / Bid)
        : throw new ArgumentException($"{from} is not a side of {Base}/{Quote}.", nameof(from));

    /// <summary>
    /// FROM/TO through a common currency (USD): FROM/USD × USD/TO, multiplied exactly and rounded once, so a cross
    /// carries no rounding of its legs.
    /// </summary>
    public static QuotedRate Cross(CurrencyCode from, CurrencyCode to, (decimal Bid, decimal Ask) firstLeg, (decimal Bid, decimal Ask) secondLeg) =>
        Derived(from, to, firstLeg.Bid * secondLeg.Bid, firstLeg.Ask * secondLeg.Ask);

    public override string ToString() => $"{Base}/{Quote} {Bid}/{Ask}";

    private static QuotedRate Checked(CurrencyCode @base, CurrencyCode quote, decimal bid, decimal ask)
    {
        if (@base == default || quote == default || @base == quote)
        {
            throw new ArgumentException($"A rate needs two different currencies ({@base}/{quote}).");
        }

        if (bid <= 0 || ask <= 0 || bid >= ask)
        {
            throw new ArgumentException($"A rate needs 0 < bid < ask ({bid}/{ask}).");
        }

        return new QuotedRate(@base, quote, RateRounding.Normalize(bid), RateRounding.Normalize(ask));
    }
}
