namespace Hub.Customs.Domain.Screening;

/// <summary>The hub's denied-party list as a whole: its version (raised by every change) and the match threshold.</summary>
internal sealed class ScreeningList
{
    private ScreeningList()
    {
    }

    public string Hub { get; private set; } = "";

    public int Version { get; private set; }

    /// <summary>Jaro-Winkler score from which a name counts as a hit (about 0.88).</summary>
    public double Threshold { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Bump(DateTime now)
    {
        UpdatedAt = now;
        return ++Version;
    }

    public void SetThreshold(double threshold, DateTime now)
    {
        // Written as the range a threshold must lie in, so that NaN (which compares false to everything) falls outside.
        if (threshold is not (> 0.5 and <= 1.0))
        {
            throw new CustomsRuleException("threshold", "A threshold must lie between 0.5 (exclusive) and 1.");
        }

        Threshold = threshold;
        Bump(now);
    }
}
