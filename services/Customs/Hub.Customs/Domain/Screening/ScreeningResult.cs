namespace Hub.Customs.Domain.Screening;

/// <summary>The best match of a screening: which party, against which listed name, with what score, on which list version.</summary>
internal sealed record ScreeningResult(int ListVersion, double Threshold, double Score, string? Party, string? MatchedName)
{
    public bool IsHit => Score >= Threshold;
}
