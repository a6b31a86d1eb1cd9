namespace Hub.ServiceDefaults.Validation;

/// <summary>
/// The digits a <c>numeric(precision, scale)</c> column keeps. A service declares its kinds of stored numbers with it,
/// so its columns and its request checks cannot drift apart: a value with more decimals would be rounded away silently
/// and one with more integer digits refused by the database, so both are refused before, naming the field.
/// </summary>
/// <param name="Precision">The column's total digits.</param>
/// <param name="Scale">The column's decimals.</param>
public readonly record struct NumericColumn(int Precision, int Scale)
{
    /// <summary>Digits the column keeps before the decimal point.</summary>
    public int IntegerDigits => Precision - Scale;

    /// <summary>Whether the column keeps <paramref name="value"/> exactly.</summary>
    /// <param name="value">The number sent.</param>
    public bool Fits(decimal value) => RequestValues.FitsNumeric(value, Precision, Scale);
}
