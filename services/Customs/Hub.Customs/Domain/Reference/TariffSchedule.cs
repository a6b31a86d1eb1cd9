using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>Finds the tariff line in force for a code: the longest matching prefix, then the newest version.</summary>
internal static class TariffSchedule
{
    public static TariffLine? Find(IEnumerable<TariffLine> lines, HubId hub, HsCode code, DateOnly date)
    {
        var digits = code.ToString();
        var hubText = hub.ToString();
        return lines
            .Where(l => l.Hub == hubText && digits.StartsWith(l.Prefix, StringComparison.Ordinal) && l.Validity.Covers(date))
            .OrderByDescending(l => l.Prefix.Length)
            .ThenByDescending(l => l.Version)
            .FirstOrDefault();
    }
}
