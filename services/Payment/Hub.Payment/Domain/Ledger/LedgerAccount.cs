using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Ledger;

/// <summary>
/// An account of one party in one currency. Its balance is the sum of its posting lines; for the kinds whose balance
/// postings check (<see cref="AccountKinds.KeepsBalance"/>), the database also keeps that sum and the count of lines on
/// the account as each line is written.
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
    /// The net of the account's lines (debits positive), kept by the database in the transaction that writes each line,
    /// for the kinds that keep their balance; 0 for others. Never written by the application; read it fresh, after
    /// <c>Ledger.LockAsync</c>.
    /// </summary>
    public decimal KeptNetDebits { get; private set; }

    /// <summary>How many lines the account has, kept with <see cref="KeptNetDebits"/>: the last line's <see cref="PostingLine.Sequence"/>.</summary>
    public long KeptLines { get; private set; }

    public CurrencyCode CurrencyCode => CurrencyCode.Parse(Currency);

    public static LedgerAccount Open(AccountKind kind, string owner, CurrencyCode currency, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return new LedgerAccount { Id = Guid.CreateVersion7(), Kind = kind, Owner = owner, Currency = currency.Code, OpenedAt = now };
    }

    /// <summary>The balance on the account's normal side from the net of its lines (debits positive).</summary>
    public Money BalanceFrom(decimal netDebits) => new(Kind.IsCreditNormal() ? -netDebits : netDebits, CurrencyCode);
}
