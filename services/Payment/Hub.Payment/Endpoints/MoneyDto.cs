using Hub.Contracts.Values;

namespace Hub.Payment.Endpoints;

/// <summary>Money on the wire: integer minor units of an ISO 4217 currency (USD 12.34 → 1234, KRW 5,000 → 5000).</summary>
internal sealed record MoneyDto(long MinorUnits, string Currency)
{
    public static MoneyDto From(Money money) => new(money.Round(MoneyRounding.HalfEven).ToMinorUnits(), money.Currency.Code);
}
