using System.Globalization;
using Hub.ServiceDefaults.Validation;

namespace Hub.Customs.Domain;

/// <summary>The kinds of number customs stores, each with the digits its columns keep.</summary>
internal static class StoredNumber
{
    /// <summary>Rates and factors: fractions to six decimals (0.123456).</summary>
    public static NumericColumn Rate { get; } = new(9, 6);

    /// <summary>Amounts and limits in a currency.</summary>
    public static NumericColumn Amount { get; } = new(18, 4);

    /// <summary>Quantities and masses of goods a declaration records.</summary>
    public static NumericColumn Quantity { get; } = new(18, 6);

    /// <summary>Exchange rates.</summary>
    public static NumericColumn FxRate { get; } = new(18, 8);

    /// <summary><paramref name="value"/>, when <paramref name="column"/> keeps it exactly; refused naming <paramref name="field"/> otherwise.</summary>
    /// <param name="column">The kind of number.</param>
    /// <param name="field">The request field it came from.</param>
    /// <param name="value">The number sent.</param>
    public static decimal Ensure(this NumericColumn column, string field, decimal value)
    {
        if (column.Fits(value))
        {
            return value;
        }

        throw new CustomsRuleException(field, decimal.Round(value, column.Scale) != value
            ? string.Create(CultureInfo.InvariantCulture, $"{value} has more than the {column.Scale} decimals customs keeps; give it to at most {column.Scale}.")
            : string.Create(CultureInfo.InvariantCulture, $"{value} is too large: at most {column.IntegerDigits} digits before the decimal point."));
    }
}
