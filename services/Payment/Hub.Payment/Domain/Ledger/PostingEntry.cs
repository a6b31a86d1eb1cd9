using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Ledger;

/// <summary>A line to be posted: <paramref name="Amount"/> positive debits the account, negative credits it.</summary>
internal sealed record PostingEntry(LedgerAccount Account, Money Amount)
{
    public static PostingEntry Debit(LedgerAccount account, Money amount) => new(account, amount);

    public static PostingEntry Credit(LedgerAccount account, Money amount) => new(account, -amount);
}
