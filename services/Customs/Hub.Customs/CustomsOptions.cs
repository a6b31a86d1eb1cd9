namespace Hub.Customs;

/// <summary>Settings under <c>Customs</c>.</summary>
internal sealed class CustomsOptions
{
    /// <summary>
    /// IANA time zone of each hub's customs authority (e.g. <c>KR: Asia/Seoul</c>): its calendar day decides the rates,
    /// regimes and tariff lines in force and the day and year a buyer's low-value imports are counted in.
    /// </summary>
    public Dictionary<string, string> TimeZones { get; } = new(StringComparer.Ordinal);
}
