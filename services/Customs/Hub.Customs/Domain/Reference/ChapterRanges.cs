using System.Globalization;

namespace Hub.Customs.Domain.Reference;

/// <summary>HS chapter ranges written as "01-31,33".</summary>
internal readonly record struct ChapterRanges(int First, int Last)
{
    public bool Contains(string chapter) =>
        int.TryParse(chapter, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c >= First && c <= Last;

    public static IReadOnlyList<ChapterRanges> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var ranges = new List<ChapterRanges>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !bounds.All(IsChapter))
            {
                throw new CustomsRuleException("excludedChapters", $"'{part}' is not a chapter or a range of chapters such as 01-31.");
            }

            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            ranges.Add(first <= last ? new ChapterRanges(first, last) : throw new CustomsRuleException("excludedChapters", $"'{part}' runs backwards."));
        }

        return ranges;
    }

    private static bool IsChapter(string s) => s.Length == 2 && s.All(char.IsAsciiDigit) && s != "00";
}
