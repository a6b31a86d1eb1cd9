using Hub.ServiceDefaults.Validation;

namespace Hub.TaxRefund.Domain;

/// <summary>The kinds of number the tax refund stores, each with the digits its columns keep.</summary>
internal static class StoredNumber
{
    /// <summary>VAT and refund rates: fractions to six decimals (0.123456).</summary>
    public static NumericColumn Rate { get; } = new(9, 6);

    /// <summary>Quantities of goods.</summary>
    public static NumericColumn Quantity { get; } = new(18, 4);

    /// <summary>Amounts in a currency: an invoice's, and a claim's sums.</summary>
    public static NumericColumn Amount { get; } = new(28, 4);
}
