namespace Hub.Payment.Domain.Ledger;

/// <summary>
/// What an account's lines up to the ledger's checkpoint (<see cref="LedgerCheckpointMark"/>) add up to: a balance is
/// read as its checkpoint plus the lines written since, never by summing every line the account ever had. Written by
/// the database only (the checkpoint job folds the lines in).
/// </summary>
internal sealed class LedgerCheckpoint
{
    private LedgerCheckpoint()
    {
    }

    public Guid AccountId { get; private set; }

    /// <summary>The debits of the account's lines folded in, positive.</summary>
    public decimal Debits { get; private set; }

    /// <summary>The credits of the account's lines folded in, positive.</summary>
    public decimal Credits { get; private set; }

    /// <summary>How many of the account's lines are folded in.</summary>
    public long Lines { get; private set; }
}

/// <summary>
/// The ledger's one checkpoint mark: the lines written by every transaction whose id is below <see cref="BeforeXid"/>
/// are folded into their accounts' <see cref="LedgerCheckpoint"/>, and no other line is.
/// </summary>
internal sealed class LedgerCheckpointMark
{
    public const int Only = 1;

    private LedgerCheckpointMark()
    {
    }

    public int Id { get; private set; }

    /// <summary>A transaction id (64-bit) no transaction below which was running when the mark was taken.</summary>
    public long BeforeXid { get; private set; }

    /// <summary>When the mark last moved (UTC); null before the first checkpoint.</summary>
    public DateTime? TakenAt { get; private set; }
}

/// <summary>
/// An account's debits and credits to date: its checkpoint and the lines written since (the view
/// <c>ledger_account_totals</c>, read in one statement, so the two always agree). An account without lines has no row.
/// </summary>
internal sealed class AccountTotals
{
    private AccountTotals()
    {
    }

    public Guid AccountId { get; private set; }

    public decimal Debits { get; private set; }

    public decimal Credits { get; private set; }
}
