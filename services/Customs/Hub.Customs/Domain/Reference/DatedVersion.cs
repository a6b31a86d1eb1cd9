namespace Hub.Customs.Domain.Reference;

/// <summary>
/// One dated version of a piece of reference data (a tariff line, a regime, a customs FX rate). A newer version takes
/// over from its first day; when it ends while the version it replaced would still have been in force, that version
/// resumes the day it ends, so a bounded change leaves no gap behind it.
/// </summary>
/// <typeparam name="TSelf">The kind of reference data.</typeparam>
internal abstract class DatedVersion<TSelf>
    where TSelf : DatedVersion<TSelf>
{
    public Guid Id { get; private protected set; }

    public DateOnly ValidFrom { get; private protected set; }

    public DateOnly? ValidTo { get; private protected set; }

    public Validity Validity => new(ValidFrom, ValidTo);

    public int Version { get; private protected set; }

    /// <summary>
    /// Makes room among <paramref name="earlier"/> versions for <paramref name="next"/>: each ends the day it starts, and
    /// one that would have run beyond its end resumes then as a version of its own, numbered after it.
    /// </summary>
    /// <param name="earlier">The versions published before, of the same hub and key.</param>
    /// <param name="next">The new version.</param>
    /// <returns>The resumed versions, to be stored with <paramref name="next"/>.</returns>
    public static IReadOnlyList<TSelf> MakeRoom(IReadOnlyList<TSelf> earlier, TSelf next)
    {
        if (earlier.FirstOrDefault(v => next.ValidFrom <= v.ValidFrom) is { } later)
        {
            throw new CustomsRuleException("validFrom", $"A new version must start after the current one ({later.ValidFrom:yyyy-MM-dd}).");
        }

        var resumed = new List<TSelf>();
        foreach (var previous in earlier)
        {
            if (previous.Supersede(next.Validity, next.Version + resumed.Count + 1) is { } resumption)
            {
                resumed.Add(resumption);
            }
        }

        return resumed;
    }

    /// <summary>Ends this version the day a newer one, valid over <paramref name="next"/>, takes over.</summary>
    /// <param name="next">When the newer version is in force.</param>
    /// <param name="resumedVersion">The number this version gets where it resumes.</param>
    /// <returns>This version resumed after <paramref name="next"/> ends, or null if nothing of it is left by then.</returns>
    public TSelf? Supersede(Validity next, int resumedVersion)
    {
        if (next.From <= ValidFrom)
        {
            throw new CustomsRuleException("validFrom", $"A new version must start after the current one ({ValidFrom:yyyy-MM-dd}).");
        }

        // An open-ended version (no end) compares false with any day: it always runs beyond.
        var end = ValidTo;
        if (end <= next.From)
        {
            return null;
        }

        ValidTo = next.From;
        if (next.To is not { } resume || end <= resume)
        {
            return null;
        }

        var resumed = (TSelf)MemberwiseClone();
        resumed.Id = Guid.CreateVersion7();
        resumed.ValidFrom = resume;
        resumed.ValidTo = end;
        resumed.Version = resumedVersion;
        return resumed;
    }
}
