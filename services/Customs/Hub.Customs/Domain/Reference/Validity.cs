namespace Hub.Customs.Domain.Reference;

/// <summary>The dates a version of reference data is in force: from <see cref="From"/> inclusive until <see cref="To"/> exclusive.</summary>
internal readonly record struct Validity
{
    public Validity(DateOnly from, DateOnly? to)
    {
        if (to is { } end && end <= from)
        {
            throw new CustomsRuleException("validTo", $"A validity ending {end:yyyy-MM-dd} must end after it starts ({from:yyyy-MM-dd}).");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly? To { get; }

    public bool Covers(DateOnly date) => date >= From && (To is null || date < To);

    /// <summary>Whether this validity and <paramref name="other"/> share a day.</summary>
    /// <param name="other">The other validity.</param>
    /// <returns>True if some day is in both.</returns>
    public bool Overlaps(Validity other) => (other.To is null || From < other.To) && (To is null || other.From < To);
}
