namespace Hub.Payment.Domain.Ledger;

internal static class AccountKinds
{
    /// <summary>
    /// Liabilities, income and the FX position (long in a currency when positive) grow by credits, so their balance is
    /// credits − debits; clearing (the hub's money at its bank) grows by debits.
    /// </summary>
    public static bool IsCreditNormal(this AccountKind kind) => kind is not AccountKind.Clearing;

    /// <summary>
    /// Whether the database keeps the account's balance on its row and numbers its lines: the accounts whose balance a
    /// posting checks (wallets, and the hub's accounts money enters and leaves by) and whose statement is read in pages.
    /// The trigger <c>posting_lines_keep_balance</c> names the same kinds.
    /// </summary>
    public static bool KeepsBalance(this AccountKind kind) => kind is AccountKind.SmeWallet or AccountKind.Clearing or AccountKind.TaxRefundPayable;
}
