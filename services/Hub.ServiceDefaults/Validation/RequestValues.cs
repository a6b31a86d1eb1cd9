namespace Hub.ServiceDefaults.Validation;

/// <summary>Checks every service applies to the values of a request before it stores or acts on them.</summary>
public static class RequestValues
{
    /// <summary>
    /// The member of <typeparamref name="TEnum"/> that <paramref name="text"/> names, in any case and with surrounding
    /// spaces ignored. Only names count: <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would also take
    /// "1", "-1" or "Air, Sea" (a combination that may happen to equal a member).
    /// </summary>
    /// <typeparam name="TEnum">The enum named.</typeparam>
    /// <param name="text">The name sent.</param>
    /// <param name="value">The member named; default when none is.</param>
    public static bool TryParseName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var name = text?.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The size of the page a list request asks for: <paramref name="defaultSize"/> when it names no <c>limit</c>, the
    /// limit itself when it lies between 1 and <paramref name="maxSize"/>; false otherwise, for a 400 on <c>limit</c>
    /// saying <see cref="PageSizeRule"/>. A limit out of range is refused, never answered with a page of another size.
    /// </summary>
    /// <param name="limit">The <c>limit</c> sent, if any.</param>
    /// <param name="defaultSize">The page size when none is asked for.</param>
    /// <param name="maxSize">The largest page the list gives.</param>
    /// <param name="size">The page size asked for, or the default.</param>
    public static bool TryPageSize(int? limit, int defaultSize, int maxSize, out int size)
    {
        size = limit ?? defaultSize;
        return size >= 1 && size <= maxSize;
    }

    /// <summary>What a list's <c>limit</c> must be.</summary>
    /// <param name="maxSize">The largest page the list gives.</param>
    public static string PageSizeRule(int maxSize) => $"Between 1 and {maxSize}.";

    /// <summary>
    /// Whether <paramref name="value"/> is kept exactly by a <c>numeric(precision, scale)</c> column: no more than
    /// <paramref name="scale"/> decimals (PostgreSQL would round them away silently) and no more than
    /// <paramref name="precision"/> − <paramref name="scale"/> integer digits (it would refuse the row).
    /// </summary>
    /// <param name="value">The number sent.</param>
    /// <param name="precision">The column's total digits.</param>
    /// <param name="scale">The column's decimals.</param>
    public static bool FitsNumeric(decimal value, int precision, int scale) =>
        decimal.Round(value, scale) == value && Math.Abs(value) < Pow10(precision - scale);

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
