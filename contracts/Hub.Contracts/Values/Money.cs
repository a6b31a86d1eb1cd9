using System.Globalization;

namespace Hub.Contracts.Values;

/// <summary>
/// An amount of money in one currency. Arithmetic is exact (<see cref="decimal"/>) and never rounds on its own:
/// rounding to the currency's minor unit happens only through <see cref="Round(MoneyRounding)"/>, at the steps the
/// business rule defines (per tax line, per invoice total), with the mode the rule prescribes.
/// </summary>
/// <remarks>
/// Amounts in different currencies cannot be added, subtracted or compared (<see cref="CurrencyMismatchException"/>);
/// conversion is explicit through <see cref="ConvertTo"/>. Equality (<c>==</c>) is by value and never throws:
/// 1.0 USD equals 1.00 USD, and USD 1 differs from EUR 1. On the wire, use <see cref="ToMinorUnits"/> plus the
/// currency code.
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>
    /// The largest single amount the platform takes, in minor units of any currency: 10^15 (KRW 1,000 trillion, USD 10
    /// trillion). A price line, a credit, a settlement, a refund or a payout beyond it is refused, so amounts, balances
    /// and totals built from them stay far inside the 64-bit count of minor units money travels as (about 9.2 × 10^18).
    /// </summary>
    public const long MaxAmountMinorUnits = 1_000_000_000_000_000;

    private static readonly decimal[] PowersOfTen = [1m, 10m, 100m, 1_000m, 10_000m];

    /// <summary>Creates an amount; it may carry more decimals than the currency allows until it is rounded.</summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(CurrencyCode)</c>.</exception>
    public Money(decimal amount, CurrencyCode currency)
    {
        if (currency == default)
        {
            throw new ArgumentException("A money amount needs a currency; default(CurrencyCode) is not one.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount in major units (e.g. dollars), possibly unrounded.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>True when <see cref="Amount"/> has no more decimals than the currency's minor units.</summary>
    public bool IsRounded => decimal.Round(Amount, Currency.MinorUnits) == Amount;

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(CurrencyCode currency) => FromMinorUnits(0, currency);

    /// <summary>Rebuilds an amount from its wire form: an integer count of minor units (cents, fils, won).</summary>
    public static Money FromMinorUnits(long minorUnits, CurrencyCode currency) =>
        new(minorUnits * OneMinorUnit(currency.MinorUnits), currency);

    /// <summary>The amount as an integer count of minor units, e.g. USD 12.34 → 1234, KRW 1,464,750 → 1464750.</summary>
    /// <exception cref="InvalidOperationException">The amount is not rounded to the currency's minor units.</exception>
    /// <exception cref="OverflowException">The count does not fit in a <see cref="long"/>.</exception>
    public long ToMinorUnits()
    {
        EnsureRounded("be converted to minor units");
        return decimal.ToInt64(Amount * PowersOfTen[Currency.MinorUnits]);
    }

    /// <summary>Rounds to the currency's minor units with the given mode (USD 2.125: HalfEven 2.12, HalfUp 2.13).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public Money Round(MoneyRounding mode)
    {
        var digits = Currency.MinorUnits;
        var rounded = mode switch
        {
            MoneyRounding.HalfUp => decimal.Round(Amount, digits, MidpointRounding.AwayFromZero),
            MoneyRounding.HalfEven => decimal.Round(Amount, digits, MidpointRounding.ToEven),
            MoneyRounding.Down => decimal.Round(Amount, digits, MidpointRounding.ToZero),
            MoneyRounding.Up => RoundAwayFromZero(Amount, digits),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Unknown rounding mode '{mode}'."),
        };

        // Adding a zero of the target scale pads 1085 to 1085.00 so rounded amounts always carry the currency's scale.
        return new Money(rounded + ZeroWithScale(digits), Currency);
    }

    /// <summary>
    /// Converts at <paramref name="rate"/> = price of one unit of this currency in <paramref name="target"/>
    /// (USD 1,085 at 1,350 → KRW 1,464,750). The result is unrounded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is zero or negative.</exception>
    public Money ConvertTo(CurrencyCode target, decimal rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return new Money(Amount * rate, target);
    }

    /// <summary>
    /// Splits a rounded amount into <paramref name="parts"/> equal shares whose sum is exactly this amount
    /// (USD 100.00 / 3 → 33.34, 33.33, 33.33); leftover minor units go to the earliest shares.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is zero or negative.</exception>
    /// <exception cref="InvalidOperationException">The amount is not rounded.</exception>
    public IReadOnlyList<Money> Allocate(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        return Allocate(Enumerable.Repeat(1m, parts).ToArray());
    }

    /// <summary>
    /// Splits a rounded amount in proportion to <paramref name="weights"/> by largest remainder, so the shares sum
    /// exactly to this amount; equal remainders favour the earlier index. Negative amounts split symmetrically.
    /// </summary>
    /// <exception cref="ArgumentException">No weights, a negative weight, or all weights zero.</exception>
    /// <exception cref="InvalidOperationException">The amount is not rounded.</exception>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> weights)
    {
        EnsureRounded("be allocated");
        return MoneyAllocation.Allocate(this, weights);
    }

    /// <summary>Compares amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        _ = SameCurrency("compare", this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>
    /// Invariant text "USD 1,085.00": code, then the amount with group separators and at least the currency's
    /// minor units; an unrounded amount shows all its significant decimals ("USD 2.125") so nothing is hidden.
    /// </summary>
    public override string ToString()
    {
        if (Currency == default)
        {
            return Amount.ToString(CultureInfo.InvariantCulture);
        }

        var decimals = Currency.MinorUnits;
        while (decimal.Round(Amount, decimals) != Amount)
        {
            decimals++;
        }

        return $"{Currency.Code} {Amount.ToString("N" + decimals, CultureInfo.InvariantCulture)}";
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) =>
        new(left.Amount + right.Amount, SameCurrency("add", left, right));

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) =>
        new(left.Amount - right.Amount, SameCurrency("subtract", left, right));

    /// <summary>Negates the amount.</summary>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Scales by a factor (a rate, a quantity); the result is unrounded.</summary>
    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    /// <summary>Scales by a factor (a rate, a quantity); the result is unrounded.</summary>
    public static Money operator *(decimal factor, Money value) => value * factor;

    /// <summary>Divides by a divisor; the result is unrounded.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static Money operator /(Money value, decimal divisor) => new(value.Amount / divisor, value.Currency);

    /// <summary>Compares amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    // 10^-digits built with its scale set, so multiplying by it yields exactly that many decimals (1234 → 12.34).
    internal static decimal OneMinorUnit(int digits) => new(1, 0, 0, false, (byte)digits);

    private static decimal ZeroWithScale(int scale) => new(0, 0, 0, false, (byte)scale);

    private static decimal RoundAwayFromZero(decimal amount, int digits)
    {
        var truncated = decimal.Round(amount, digits, MidpointRounding.ToZero);
        if (truncated == amount)
        {
            return truncated;
        }

        return amount > 0 ? truncated + OneMinorUnit(digits) : truncated - OneMinorUnit(digits);
    }

    private static CurrencyCode SameCurrency(string operation, Money left, Money right) =>
        left.Currency == right.Currency ? left.Currency : throw new CurrencyMismatchException(operation, left.Currency, right.Currency);

    private void EnsureRounded(string purpose)
    {
        if (!IsRounded)
        {
            throw new InvalidOperationException(
                $"{this} has more decimals than {Currency.Code} allows ({Currency.MinorUnits}) and cannot {purpose}; round it explicitly first.");
        }
    }
}
