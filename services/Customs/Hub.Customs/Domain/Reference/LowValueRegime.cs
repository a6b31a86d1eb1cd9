using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>
/// One version of a low-value import regime of a destination hub, keyed by origin (null: any), channel and date.
/// </summary>
internal sealed class LowValueRegime : DatedVersion<LowValueRegime>
{
    private LowValueRegime()
    {
    }

    /// <summary>The longest regime code kept.</summary>
    public const int MaxCodeLength = 32;

    public string Hub { get; private set; } = "";

    /// <summary>A stable code, e.g. <c>KR-LIST-US</c>; versions of one regime share it.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public RegimeKind Kind { get; private set; }

    public TradeChannel Channel { get; private set; }

    /// <summary>Only goods of this origin qualify; null for any origin.</summary>
    public string? Origin { get; private set; }

    /// <summary>HS chapters that never qualify, as ranges: "01-31,33".</summary>
    public string ExcludedChapters { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public RegimeValueBasis ValueBasis { get; private set; }

    /// <summary>Inclusive limit per transaction (or per buyer and day when <see cref="AggregateSameDay"/>).</summary>
    public decimal TransactionLimit { get; private set; }

    /// <summary>Inclusive limit per buyer and calendar year, if any.</summary>
    public decimal? AnnualLimit { get; private set; }

    /// <summary>Adds the buyer's earlier imports of the same day under this regime before comparing.</summary>
    public bool AggregateSameDay { get; private set; }

    /// <summary>Share of the duty that is charged (0 for none).</summary>
    public decimal DutyFactor { get; private set; }

    /// <summary>Share of consumption tax and VAT that is charged (CN: 0.7).</summary>
    public decimal TaxFactor { get; private set; }

    public static LowValueRegime Create(HubId hub, string code, string name, RegimeKind kind, TradeChannel channel, CountryCode? origin,
        string excludedChapters, CurrencyCode currency, RegimeValueBasis basis, decimal transactionLimit, decimal? annualLimit,
        bool aggregateSameDay, decimal dutyFactor, decimal taxFactor, Validity validity, int version = 1)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new CustomsRuleException("code", "A regime needs a code.");
        }

        StoredText.Ensure("code", code.Trim(), MaxCodeLength);

        _ = ChapterRanges.Parse(excludedChapters);
        if (transactionLimit <= 0m)
        {
            throw new CustomsRuleException("transactionLimit", "The limit must be positive.");
        }

        StoredNumber.Amount.Ensure("transactionLimit", transactionLimit);

        if (annualLimit is <= 0m)
        {
            throw new CustomsRuleException("annualLimit", "The annual limit must be positive.");
        }

        if (annualLimit is { } annual)
        {
            StoredNumber.Amount.Ensure("annualLimit", annual);
        }

        Rates.EnsureFraction("dutyFactor", dutyFactor);
        Rates.EnsureFraction("taxFactor", taxFactor);
        return new LowValueRegime
        {
            Id = Guid.CreateVersion7(),
            Hub = hub.ToString(),
            Code = code.Trim(),
            Name = name,
            Kind = kind,
            Channel = channel,
            Origin = origin?.Code,
            ExcludedChapters = excludedChapters,
            Currency = currency.Code,
            ValueBasis = basis,
            TransactionLimit = transactionLimit,
            AnnualLimit = annualLimit,
            AggregateSameDay = aggregateSameDay,
            DutyFactor = dutyFactor,
            TaxFactor = taxFactor,
            ValidFrom = validity.From,
            ValidTo = validity.To,
            Version = version,
        };
    }

    public bool Excludes(HsCode code) => ChapterRanges.Parse(ExcludedChapters).Any(r => r.Contains(code.Chapter));
}
