namespace Hub.Customs.Domain.Reference;

/// <summary>
/// One dated version of a piece of reference data (a tariff line, a regime, a customs FX rate). Operators publish
/// versions, each starting after every version published before it; a new version takes over exactly its own days, and
/// every other day keeps the version in force on it. So a version with an end date interrupts what it replaces, which
/// resumes the day it ends as a version of its own, numbered after it (see <see cref="ResumesId"/>). A new version that
/// starts before such a resumption replaces it like any other day: the resumption is removed (or ended, if it started
/// before) and what was in force resumes again after the new version's end, if it has one. The schedule is then what
/// painting the published versions in order, each over its own days, gives: no gap, no overlap.
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

    /// <summary>The published version this one resumes after a version with an end date; null for one an operator published.</summary>
    public Guid? ResumesId { get; private protected set; }

    /// <summary>
    /// Makes room among <paramref name="earlier"/> versions for <paramref name="next"/>: each one in force on a day of
    /// <paramref name="next"/> ends the day it starts (or is replaced, if it starts on or after it), and one that would
    /// have run beyond its end resumes then as a version of its own, numbered after it.
    /// </summary>
    /// <param name="earlier">The versions stored before, of the same hub and key, published and resumed.</param>
    /// <param name="next">The new version.</param>
    /// <returns>The resumed versions, to be stored with <paramref name="next"/>, and the resumed versions it replaces, to be removed.</returns>
    public static (IReadOnlyList<TSelf> Resumed, IReadOnlyList<TSelf> Replaced) MakeRoom(IReadOnlyList<TSelf> earlier, TSelf next)
    {
        if (earlier.Where(v => v.ResumesId is null).MaxBy(v => v.ValidFrom) is { } latest && next.ValidFrom <= latest.ValidFrom)
        {
            throw new CustomsRuleException("validFrom", $"A new version must start after the latest one published ({latest.ValidFrom:yyyy-MM-dd}).");
        }

        var resumed = new List<TSelf>();
        var replaced = new List<TSelf>();
        foreach (var previous in earlier.Where(v => v.Validity.Overlaps(next.Validity)).OrderBy(v => v.ValidFrom))
        {
            var end = previous.ValidTo;
            if (previous.ValidFrom < next.ValidFrom)
            {
                previous.ValidTo = next.ValidFrom;
            }
            else
            {
                // Only a resumed version can start on or after the new one: published ones start before it.
                replaced.Add(previous);
            }

            if (next.ValidTo is { } resume && (end is null || end > resume))
            {
                resumed.Add(previous.Resume(new Validity(resume, end), next.Version + resumed.Count + 1));
            }
        }

        return (resumed, replaced);
    }

    private TSelf Resume(Validity validity, int version)
    {
        var resumed = (TSelf)MemberwiseClone();
        resumed.Id = Guid.CreateVersion7();
        resumed.ValidFrom = validity.From;
        resumed.ValidTo = validity.To;
        resumed.Version = version;
        resumed.ResumesId = ResumesId ?? Id;
        return resumed;
    }
}
