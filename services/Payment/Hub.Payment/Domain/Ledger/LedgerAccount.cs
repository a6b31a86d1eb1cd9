using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Ledger;

/// <summary>An account of one party in one currency. It holds no balance: balances are the sum of its posting lines.</summary>
internal sealed class LedgerAccount
{
    private LedgerAccount()
    {
    }

    public Guid Id { get; private set; }

    public AccountKind Kind { get; private set; }

    /// <summary>Company, order or hub id, depending on <see cref="Kind"/>.</summary>
    public string Owner { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public DateTime OpenedAt { get; private set; }

    public CurrencyCode CurrencyCode => CurrencyCode.Parse(Currency);

    public static LedgerAccount Open(AccountKind kind, string owner, CurrencyCode currency, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return new LedgerAccount { Id = Guid.CreateVersion7(), Kind = kind, Owner = owner, Currency = currency.Code, OpenedAt = now };
    }

    /// <summary>The balance on the account's normal side from the net of its lines (debits positive).</summary>
    public Money BalanceFrom(decimal netDebits) => new(Kind.IsCreditNormal() ? -netDebits : netDebits, CurrencyCode);
}
