using Hub.ServiceDefaults.Validation;

namespace Hub.TaxRefund.Domain;

/// <summary>
/// A kind of number the tax refund stores, with the digits its <c>numeric(precision, scale)</c> column keeps. The columns
/// are declared with these and requests are checked against them: a value with more decimals would be rounded away
/// silently and one with more integer digits refused by the database, so both are refused before, naming the field.
/// </summary>
internal readonly record struct StoredNumber(int Precision, int Scale)
{
    /// <summary>VAT and refund rates: fractions to six decimals (0.123456).</summary>
    public static StoredNumber Rate { get; } = new(9, 6);

    /// <summary>Quantities of goods.</summary>
    public static StoredNumber Quantity { get; } = new(18, 4);

    /// <summary>Amounts in a currency: an invoice's, and a claim's sums.</summary>
    public static StoredNumber Amount { get; } = new(28, 4);

    /// <summary>Digits the column keeps before the decimal point.</summary>
    public int IntegerDigits => Precision - Scale;

    public bool Fits(decimal value) => RequestValues.FitsNumeric(value, Precision, Scale);
}
