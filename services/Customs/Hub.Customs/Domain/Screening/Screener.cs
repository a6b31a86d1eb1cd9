namespace Hub.Customs.Domain.Screening;

/// <summary>Screens party names against the denied-party list with normalised Jaro-Winkler similarity.</summary>
internal static class Screener
{
    public static ScreeningResult Screen(IEnumerable<string> partyNames, IReadOnlyList<DeniedParty> list, int version, double threshold)
    {
        var best = new ScreeningResult(version, threshold, 0, null, null);
        foreach (var party in partyNames.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var candidate = NameNormalizer.Normalize(party);
            foreach (var entry in list)
            {
                foreach (var listed in entry.Names)
                {
                    var score = Math.Round(JaroWinkler.Similarity(candidate, NameNormalizer.Normalize(listed)), 4);
                    if (score > best.Score)
                    {
                        best = best with { Score = score, Party = party, MatchedName = entry.Name };
                    }
                }
            }
        }

        return best;
    }
}
