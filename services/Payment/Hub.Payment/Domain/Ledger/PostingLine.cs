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
}
