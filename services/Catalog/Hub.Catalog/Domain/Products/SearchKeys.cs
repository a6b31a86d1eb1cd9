using System.Text;

namespace Hub.Catalog.Domain.Products;

/// <summary>
/// Makes text written without spaces searchable by words. The full-text parser treats "蓝牙耳机" as one word, so a
/// search for "耳机" would miss it; indexing every character and every pair of adjacent characters of Chinese,
/// Japanese and Korean runs (the bigram approach of CJK search engines) and rewriting a query's CJK runs into their
/// pairs finds any substring of two or more characters, and any single character, through the same index.
/// </summary>
internal static class SearchKeys
{
    /// <summary>The extra index terms of <paramref name="text"/>: unigrams and bigrams of its CJK runs, space separated.</summary>
    public static string For(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in CjkRuns(text))
        {
            for (var i = 0; i < run.Length; i++)
            {
                keys.Add(run[i].ToString());
                if (i + 1 < run.Length)
                {
                    keys.Add(run.Substring(i, 2));
                }
            }
        }

        return string.Join(' ', keys);
    }

    /// <summary>
    /// The longest result <see cref="For"/> can give for a text of <paramref name="length"/> characters: each
    /// character adds at most one unigram and one bigram (three characters) and their two separators, whatever the
    /// text, so a column of this length never refuses a text that fits its own columns.
    /// </summary>
    /// <param name="length">The length of the text the keys are made of.</param>
    public static int MaxLengthFor(int length) => 5 * length;

    /// <summary>
    /// Rewrites a query for <c>plainto_tsquery</c>: each CJK run becomes its bigrams (a single character stays as it
    /// is); other text is left for the full-text parser. Every resulting term must match.
    /// </summary>
    public static string Query(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && IsCjk(text[i]))
            {
                i++;
            }

            var run = text[start..i];
            builder.Append(' ');
            builder.Append(run.Length == 1 ? run : string.Join(' ', Enumerable.Range(0, run.Length - 1).Select(j => run.Substring(j, 2))));
            builder.Append(' ');
        }

        return builder.ToString().Trim();
    }

    /// <summary>Han (CJK unified and compatibility ideographs), kana and Hangul.</summary>
    internal static bool IsCjk(char c) => c is
        (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
        or (>= '\u3040' and <= '\u30FF') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uAC00' and <= '\uD7AF');

    private static IEnumerable<string> CjkRuns(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCjk(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsCjk(text[i]))
            {
                i++;
            }

            yield return text[start..i];
        }
    }
}
