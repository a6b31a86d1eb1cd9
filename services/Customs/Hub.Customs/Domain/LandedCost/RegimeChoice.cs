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

    public decimal DutyFactor => Applied ? Candidate!.Kind == RegimeKind.DeMinimis ? 0m : Candidate.DutyFactor : 1m;

    public decimal TaxFactor => Applied ? Candidate!.Kind == RegimeKind.DeMinimis ? 0m : Candidate.TaxFactor : 1m;

    public static RegimeChoice GeneralTrade(string reason, LowValueRegime? candidate = null, Money? measured = null) =>
        new(GeneralTradeCode, "General trade", candidate, false, measured, reason);
}
