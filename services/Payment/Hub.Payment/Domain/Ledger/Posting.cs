namespace Hub.Payment.Domain.Ledger;

/// <summary>
/// One balanced movement: its lines' debits equal its credits in every currency. Immutable once posted — a mistake is
/// corrected by a reversing posting — and unique by its idempotency key, so a retried command cannot post twice.
/// </summary>
internal sealed class Posting
{
    private readonly List<PostingLine> _lines = [];

    private Posting()
    {
    }

    public Guid Id { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DateTime PostedAt { get; private set; }

    /// <summary>The posting this one reverses, if it is a correction.</summary>
    public Guid? Reverses { get; private set; }

    public IReadOnlyList<PostingLine> Lines => _lines;

    /// <exception cref="LedgerException">
    /// Fewer than two lines, a zero or unrounded amount, a currency other than the account's, or a currency whose
    /// debits and credits differ.
    /// </exception>
    public static Posting Create(string idempotencyKey, string description, DateTime postedAt, IReadOnlyList<PostingEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count < 2)
        {
            throw new LedgerException("A posting needs at least two lines.");
        }

        foreach (var entry in entries)
        {
            if (entry.Amount.Amount == 0 || !entry.Amount.IsRounded)
            {
                throw new LedgerException($"Line amount {entry.Amount} must be non-zero and rounded to its minor unit.");
            }

            if (entry.Amount.Currency.Code != entry.Account.Currency)
            {
                throw new LedgerException($"Line amount {entry.Amount} is not in the account's currency {entry.Account.Currency}.");
            }
        }

        var posting = new Posting { Id = Guid.CreateVersion7(), IdempotencyKey = idempotencyKey, Description = description, PostedAt = postedAt };
        posting._lines.AddRange(entries.Select(e => new PostingLine(posting.Id, e.Account.Id, e.Account.Currency, e.Amount.Amount)));
        posting.EnsureBalanced();
        return posting;
    }

    /// <summary>The correction of this posting: every line negated.</summary>
    public Posting Reverse(string idempotencyKey, string description, DateTime postedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var reversal = new Posting { Id = Guid.CreateVersion7(), IdempotencyKey = idempotencyKey, Description = description, PostedAt = postedAt, Reverses = Id };
        reversal._lines.AddRange(_lines.Select(l => new PostingLine(reversal.Id, l.AccountId, l.Currency, -l.Amount)));
        return reversal;
    }

    private void EnsureBalanced()
    {
        foreach (var currency in _lines.GroupBy(l => l.Currency))
        {
            var net = currency.Sum(l => l.Amount);
            if (net != 0)
            {
                throw new LedgerException($"Posting '{IdempotencyKey}' does not balance in {currency.Key}: debits exceed credits by {net}.");
            }
        }
    }
}
