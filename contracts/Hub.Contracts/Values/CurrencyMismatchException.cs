namespace Hub.Contracts.Values;

/// <summary>
/// Thrown when two <see cref="Money"/> amounts in different currencies are added, subtracted or compared.
/// Converting is a business decision (which rate, whose quote), so it is never done implicitly.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for an operation between <paramref name="left"/> and <paramref name="right"/>.</summary>
    public CurrencyMismatchException(string operation, CurrencyCode left, CurrencyCode right)
        : base($"Cannot {operation} {Describe(left)} and {Describe(right)} amounts: convert one of them explicitly first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>Currency of the left operand.</summary>
    public CurrencyCode Left { get; }

    /// <summary>Currency of the right operand.</summary>
    public CurrencyCode Right { get; }

    private static string Describe(CurrencyCode currency) =>
        currency == default ? "(no currency)" : currency.Code;
}
