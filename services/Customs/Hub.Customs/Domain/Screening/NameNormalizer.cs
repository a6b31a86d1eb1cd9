using System.Globalization;
using System.Text;

namespace Hub.Customs.Domain.Screening;

/// <summary>
/// Brings a party name to the form names are compared in: Unicode NFKC (full-width letters and compatibility forms
/// fold), lower case, punctuation dropped, whitespace collapsed, and legal-form words (Co., Ltd., 주식회사, 有限公司 …)
/// removed, because they say nothing about who the party is.
/// </summary>
internal static class NameNormalizer
{
    // Longest first so that "有限责任公司" goes before "有限公司" and "公司".
    private static readonly string[] CjkForms =
        ["股份有限公司", "有限责任公司", "有限公司", "株式会社", "주식회사", "유한회사", "(주)", "㈜", "公司"];

    private static readonly HashSet<string> LatinForms = new(StringComparer.Ordinal)
    {
        "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc", "gmbh", "ag", "sa",
        "bv", "nv", "sdn", "bhd", "pte", "pty", "kk", "the",
    };

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        foreach (var form in CjkForms)
        {
            text = text.Replace(form, " ", StringComparison.Ordinal);
        }

        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            cleaned.Append(char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark ? c : ' ');
        }

        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LatinForms.Contains(w));
        return string.Join(' ', words);
    }
}
