using Hub.Contracts.Values;

namespace Hub.Payment.Domain;

/// <summary>
/// The largest amounts payment takes, in minor units of any currency: one amount (a credit, a settlement, what a
/// quote converts it to, a refund, a payout) at most <see cref="Money.MaxAmountMinorUnits"/>, and an account's balance
/// at most 100 times that, checked where money enters a hub's books from outside (test-money credits, payouts). Money
/// travels as a 64-bit count of minor units (at most about 9.2 × 10^18); balances built from bounded amounts by the
/// trade itself (escrow, releases, refunds) stay far inside it.
/// </summary>
internal static class MoneyBounds
{
    public const long MaxAmountMinorUnits = Money.MaxAmountMinorUnits;

    public const long MaxBalanceMinorUnits = 100 * MaxAmountMinorUnits;

    /// <summary>The largest amount in <paramref name="currency"/>.</summary>
    public static Money LargestAmount(CurrencyCode currency) => Money.FromMinorUnits(MaxAmountMinorUnits, currency);

    /// <summary>The largest balance, on either side, in <paramref name="currency"/>.</summary>
    public static Money LargestBalance(CurrencyCode currency) => Money.FromMinorUnits(MaxBalanceMinorUnits, currency);

    public static bool IsWithinAmount(Money amount) => Math.Abs(amount.Amount) <= LargestAmount(amount.Currency).Amount;

    public static bool IsWithinBalance(Money balance) => Math.Abs(balance.Amount) <= LargestBalance(balance.Currency).Amount;
}
