using Hub.Contracts.Values;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>
/// The regime the consignment is taxed under. <see cref="Candidate"/> is the low-value regime it was measured against
/// (null when none applies to its destination, origin, channel and date); <see cref="Applied"/> says whether it stayed within it.
/// </summary>
internal sealed record RegimeChoice(string Code, string Name, LowValueRegime? Candidate, bool Applied, Money? MeasuredValue, string Reason)
{
    public const string GeneralTradeCode = "GENERAL";

    /// <summary>Share of the duty charged: the regime's (0 under KR de minimis) when it applies, else all of it.</summary>
    public decimal DutyFactor => Applied ? Candidate!.DutyFactor : 1m;

    /// <summary>Share of consumption tax and VAT charged: the regime's (0 under KR de minimis, 0.7 under CN CBEC) when it applies.</summary>
    public decimal TaxFactor => Applied ? Candidate!.TaxFactor : 1m;

    public static RegimeChoice GeneralTrade(string reason, LowValueRegime? candidate = null, Money? measured = null) =>
        new(GeneralTradeCode, "General trade", candidate, false, measured, reason);
}
