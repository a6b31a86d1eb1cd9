namespace Hub.Customs.Domain.Screening;

/// <summary>An entry of the denied-party list: a name (and aliases) that must not pass customs unreviewed.</summary>
internal sealed class DeniedParty
{
    private DeniedParty()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Other spellings and scripts of the same party, separated by '|'.</summary>
    public string Aliases { get; private set; } = "";

    public string? Country { get; private set; }

    /// <summary>The list, e.g. "demo list", and why the party is on it.</summary>
    public string Source { get; private set; } = "";

    public int ListedInVersion { get; private set; }

    public IEnumerable<string> Names => [Name, .. Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static DeniedParty List(string name, IEnumerable<string> aliases, string? country, string source, int version)
    {
        if (string.IsNullOrWhiteSpace(name) || NameNormalizer.Normalize(name).Length == 0)
        {
            throw new CustomsRuleException("name", "A denied party needs a name with letters in it.");
        }

        var names = aliases.ToList();
        if (names.Any(a => a is null))
        {
            throw new CustomsRuleException("aliases", "An alias cannot be null; leave it out instead.");
        }

        return new DeniedParty
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Aliases = string.Join('|', names.Select(a => a.Trim()).Where(a => a.Length > 0)),
            Country = country,
            Source = source,
            ListedInVersion = version,
        };
    }
}
