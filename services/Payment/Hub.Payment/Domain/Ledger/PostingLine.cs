namespace Hub.Payment.Domain.Ledger;

/// <summary>One side of a posting: a debit (positive amount) or a credit (negative amount) to one account.</summary>
internal sealed class PostingLine
{
    private PostingLine()
    {
    }

    internal PostingLine(Guid postingId, Guid accountId, string currency, decimal amount)
    {
        Id = Guid.CreateVersion7();
        PostingId = postingId;
        AccountId = accountId;
        Currency = currency;
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public Guid PostingId { get; private set; }

    public Guid AccountId { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>Debit when positive, credit when negative; never zero.</summary>
    public decimal Amount { get; private set; }

    /// <summary>
    /// The line's place among its account's lines, from 1, in the order they were written; null for an account that
    /// keeps no balance. Given by the database as the line is written, with <see cref="NetDebitsAfter"/>.
    /// </summary>
    public long? Sequence { get; private set; }

    /// <summary>The account's net of its lines up to and including this one (debits positive); null with <see cref="Sequence"/>.</summary>
    public decimal? NetDebitsAfter { get; private set; }
}
