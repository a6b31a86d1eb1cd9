using System.Collections.Frozen;
using System.Globalization;

namespace Hub.Contracts.Hs;

/// <summary>
/// The Harmonized System nomenclature of one edition: chapters (2 digits), headings (4) and subheadings (6) with
/// their descriptions. <see cref="Hs2022"/> is read once, on first use, from the CSV embedded in this assembly.
/// </summary>
/// <remarks>
/// The source data (UN Comtrade) adds chapter 99 "commodities not specified according to kind" and a TOTAL row for
/// trade statistics. They are not part of the WCO nomenclature and no good can be declared under them, so rows of
/// section TOTAL are left out: <c>IsValidSubheading("999999")</c> is false.
/// </remarks>
public sealed class HsNomenclature
{
    private const string Hs2022Resource = "Hub.Contracts.Hs.harmonized-system.csv";

    private static readonly Lazy<HsNomenclature> LazyHs2022 = new(LoadHs2022, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, string> _descriptions;

    private HsNomenclature(string edition, FrozenDictionary<string, string> descriptions)
    {
        Edition = edition;
        _descriptions = descriptions;
    }

    /// <summary>The HS2022 nomenclature shipped with the contracts.</summary>
    public static HsNomenclature Hs2022 => LazyHs2022.Value;

    /// <summary>The edition, e.g. "HS2022".</summary>
    public string Edition { get; }

    /// <summary>
    /// Reads a nomenclature from CSV with the header <c>section,hscode,description,parent,level</c> (level 2, 4 or 6),
    /// e.g. to validate against a newer edition before it is embedded.
    /// </summary>
    /// <exception cref="FormatException">The header or a row is malformed.</exception>
    public static HsNomenclature Load(TextReader csv, string edition)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(edition);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var rowNumber = 0;
        foreach (var row in CsvReader.ReadRecords(csv))
        {
            if (rowNumber++ == 0)
            {
                EnsureHeader(row);
                continue;
            }

            if (row is [""] || row is ["TOTAL", ..])
            {
                continue;
            }

            if (row is not [_, var code, var description, _, var level] || !IsWellFormed(code, level))
            {
                throw new FormatException($"HS nomenclature row {rowNumber} ('{string.Join(',', row)}') is not 'section,hscode,description,parent,level' with a 2, 4 or 6-digit code matching its level.");
            }

            if (!descriptions.TryAdd(code, description))
            {
                throw new FormatException($"HS nomenclature row {rowNumber} repeats code '{code}'.");
            }
        }

        return new HsNomenclature(edition, descriptions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>True when <paramref name="sixDigits"/> is a subheading of this edition, e.g. "330499".</summary>
    public bool IsValidSubheading(string? sixDigits) => IsCode(sixDigits, 6);

    /// <summary>True when <paramref name="twoDigits"/> is a chapter of this edition, e.g. "33".</summary>
    public bool IsChapter(string? twoDigits) => IsCode(twoDigits, 2);

    /// <summary>True when <paramref name="fourDigits"/> is a heading of this edition, e.g. "3304".</summary>
    public bool IsHeading(string? fourDigits) => IsCode(fourDigits, 4);

    /// <summary>
    /// The official description of a chapter, heading or subheading (2, 4 or 6 digits), or null when the code is not
    /// in this edition.
    /// </summary>
    public string? Describe(string? code) =>
        code is not null && _descriptions.TryGetValue(code, out var description) ? description : null;

    private bool IsCode(string? code, int length) => code?.Length == length && _descriptions.ContainsKey(code);

    private static HsNomenclature LoadHs2022()
    {
        using var stream = typeof(HsNomenclature).Assembly.GetManifestResourceStream(Hs2022Resource)
            ?? throw new InvalidOperationException($"Embedded resource '{Hs2022Resource}' is missing from {typeof(HsNomenclature).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Load(reader, "HS2022");
    }

    private static void EnsureHeader(string[] header)
    {
        if (header is not ["section", "hscode", "description", "parent", "level"])
        {
            throw new FormatException($"HS nomenclature header is '{string.Join(',', header)}', expected 'section,hscode,description,parent,level'.");
        }
    }

    private static bool IsWellFormed(string code, string level) =>
        code.Length is 2 or 4 or 6
        && code.All(char.IsAsciiDigit)
        && level == code.Length.ToString(CultureInfo.InvariantCulture);
}
