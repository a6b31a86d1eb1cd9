using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Ledger;

/// <summary>
/// An account of one party in one currency. Its balance is the sum of its posting lines; for a wallet, whose balance
/// every payment checks, the database also keeps that sum on the account as each line is written.
/// </summary>
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

    /// <summary>
    /// A wallet's net of its lines (debits positive), kept by the database in the transaction that writes each line;
    /// 0 for other kinds. Never written by the application; read it fresh, after <c>Ledger.LockAsync</c>.
    /// </summary>
    public decimal WalletNetDebits { get; private set; }

    public CurrencyCode CurrencyCode => CurrencyCode.Parse(Currency);

    public static LedgerAccount Open(AccountKind kind, string owner, CurrencyCode currency, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return new LedgerAccount { Id = Guid.CreateVersion7(), Kind = kind, Owner = owner, Currency = currency.Code, OpenedAt = now };
    }

    /// <summary>The balance on the account's normal side from the net of its lines (debits positive).</summary>
    public Money BalanceFrom(decimal netDebits) => new(Kind.IsCreditNormal() ? -netDebits : netDebits, CurrencyCode);
}
