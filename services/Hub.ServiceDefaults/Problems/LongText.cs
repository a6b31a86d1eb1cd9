namespace Hub.ServiceDefaults.Problems;

/// <summary>Text quoted back in answers and logs, kept to a size that travels and reads.</summary>
public static class LongText
{
    /// <summary><paramref name="text"/> whole up to <paramref name="maxLength"/> characters, else cut there with the rest counted.</summary>
    /// <param name="text">The text quoted.</param>
    /// <param name="maxLength">The most characters kept.</param>
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxLength ? text : $"{text.AsSpan(0, maxLength)}… ({text.Length - maxLength} more characters)";
    }

    /// <summary>
    /// <paramref name="text"/> whole up to <paramref name="maxLength"/> characters, else cut to exactly that many with an
    /// ellipsis as the last: for a column or field that keeps at most so many.
    /// </summary>
    /// <param name="text">The text kept.</param>
    /// <param name="maxLength">The most characters kept.</param>
    public static string Fit(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }
}
