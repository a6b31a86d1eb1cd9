namespace Hub.Payment.Domain.Ledger;

internal static class AccountKinds
{
    /// <summary>
    /// Liabilities, income and the FX position (long in a currency when positive) grow by credits, so their balance is
    /// credits − debits; clearing (the hub's money at its bank) grows by debits.
    /// </summary>
    public static bool IsCreditNormal(this AccountKind kind) => kind is not AccountKind.Clearing;
}
