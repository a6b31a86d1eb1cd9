using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>A free-trade agreement's staged duty rate for goods of a partner's origin under an HS prefix in one year.</summary>
internal sealed class PreferentialRate
{
    private PreferentialRate()
    {
    }

    /// <summary>The longest agreement code kept.</summary>
    public const int MaxAgreementLength = 16;

    public Guid Id { get; private set; }

    public string Hub { get; private set; } = "";

    /// <summary>E.g. <c>KCFTA</c> (Korea–China FTA, in force since 2015-12-20).</summary>
    public string Agreement { get; private set; } = "";

    public string PartnerCountry { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public int Year { get; private set; }

    public decimal Rate { get; private set; }

    public int Version { get; private set; }

    public static PreferentialRate Create(HubId hub, string agreement, CountryCode partner, string prefix, int year, decimal rate, int version = 1)
    {
        if (string.IsNullOrWhiteSpace(agreement))
        {
            throw new CustomsRuleException("agreement", "An agreement code is required.");
        }

        var code = StoredText.Ensure("agreement", agreement.Trim().ToUpperInvariant(), MaxAgreementLength);
        if (prefix is not { Length: >= 2 and <= 13 } || !prefix.All(char.IsAsciiDigit))
        {
            throw new CustomsRuleException("prefix", $"'{prefix}' is not an HS prefix: 2 to 13 digits.");
        }

        if (year is < 1990 or > 2100)
        {
            throw new CustomsRuleException("year", $"{year} is not a plausible year.");
        }

        Rates.EnsureFraction("rate", rate);
        return new PreferentialRate
        {
            Id = Guid.CreateVersion7(),
            Hub = hub.ToString(),
            Agreement = code,
            PartnerCountry = partner.Code,
            Prefix = prefix,
            Year = year,
            Rate = rate,
            Version = version,
        };
    }

    public static PreferentialRate? Find(IEnumerable<PreferentialRate> rates, HubId hub, CountryCode origin, HsCode code, DateOnly date)
    {
        var digits = code.ToString();
        var hubText = hub.ToString();
        return rates
            .Where(r => r.Hub == hubText && r.PartnerCountry == origin.Code && r.Year == date.Year && digits.StartsWith(r.Prefix, StringComparison.Ordinal))
            .OrderByDescending(r => r.Prefix.Length)
            .ThenByDescending(r => r.Version)
            .FirstOrDefault();
    }
}
