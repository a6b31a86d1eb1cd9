using Hub.Contracts.Values;

namespace Hub.Order.Domain;

/// <summary>Amounts on an order's timeline, said in their currency's units ("CNY 1,272.97"), as the events carry them.</summary>
internal static class Amounts
{
    /// <summary><paramref name="minorUnits"/> of <paramref name="currency"/> (an ISO 4217 code), in the currency's units.</summary>
    public static string Of(long minorUnits, string currency) => Money.FromMinorUnits(minorUnits, CurrencyCode.Parse(currency)).ToString();
}
