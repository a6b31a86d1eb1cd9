using System.Globalization;
using Hub.ServiceDefaults.Validation;

namespace Hub.Customs.Domain;

/// <summary>
/// A kind of number customs stores, with the digits its <c>numeric(precision, scale)</c> column keeps. A value with more
/// decimals would be rounded away silently and one with more integer digits refused by the database, so both are
/// refused before, naming the field.
/// </summary>
internal readonly record struct StoredNumber(int Precision, int Scale)
{
    /// <summary>Rates and factors: fractions to six decimals (0.123456).</summary>
    public static StoredNumber Rate { get; } = new(9, 6);

    /// <summary>Amounts and limits in a currency.</summary>
    public static StoredNumber Amount { get; } = new(18, 4);

    /// <summary>Exchange rates.</summary>
    public static StoredNumber FxRate { get; } = new(18, 8);

    public bool Fits(decimal value) => RequestValues.FitsNumeric(value, Precision, Scale);

    public decimal Ensure(string field, decimal value)
    {
        if (Fits(value))
        {
            return value;
        }

        throw new CustomsRuleException(field, decimal.Round(value, Scale) != value
            ? string.Create(CultureInfo.InvariantCulture, $"{value} has more than the {Scale} decimals customs keeps; give it to at most {Scale}.")
            : string.Create(CultureInfo.InvariantCulture, $"{value} is too large: at most {Precision - Scale} digits before the decimal point."));
    }
}
