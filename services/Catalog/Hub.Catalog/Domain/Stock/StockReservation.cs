namespace Hub.Catalog.Domain.Stock;

/// <summary>
/// The stock an order holds, keyed by the order id so that every command about it is idempotent: the first
/// ReserveStock decides the outcome (all lines reserved, or none and the reservation is rejected), and repeats
/// return that outcome.
/// </summary>
internal sealed class StockReservation
{
    private readonly List<ReservationLine> _lines = [];

    private StockReservation()
    {
    }

    public string OrderId { get; private set; } = "";

    public ReservationStatus Status { get; private set; }

    /// <summary>Why the reservation was rejected; null otherwise.</summary>
    public string? RejectionReason { get; private set; }

    public IReadOnlyList<ReservationLine> Lines => _lines;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static StockReservation Reserved(string orderId, IEnumerable<ReservationLine> lines, DateTime now) =>
        Create(orderId, lines, ReservationStatus.Reserved, null, now);

    public static StockReservation Rejected(string orderId, IEnumerable<ReservationLine> lines, string reason, DateTime now) =>
        Create(orderId, lines, ReservationStatus.Rejected, reason, now);

    /// <summary>True when a repeated request asks for exactly the lines this reservation was made for.</summary>
    public bool IsFor(IEnumerable<ReservationLine> lines) =>
        Normalize(_lines).SequenceEqual(Normalize(lines));

    public void Release(DateTime now) => Finish(ReservationStatus.Released, now);

    public void Commit(DateTime now) => Finish(ReservationStatus.Committed, now);

    /// <summary>The committed units are back on hand: the order ended before its goods left the supplier.</summary>
    public void Return(DateTime now) => Finish(ReservationStatus.Returned, now);

    private void Finish(ReservationStatus next, DateTime now)
    {
        var from = next == ReservationStatus.Returned ? ReservationStatus.Committed : ReservationStatus.Reserved;
        if (Status != from)
        {
            throw new CatalogRuleException($"The reservation of order {OrderId} is {Status.ToString().ToLowerInvariant()}; it cannot become {next.ToString().ToLowerInvariant()}.");
        }

        Status = next;
        UpdatedAt = now;
    }

    private static StockReservation Create(string orderId, IEnumerable<ReservationLine> lines, ReservationStatus status, string? reason, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var reservation = new StockReservation { OrderId = orderId, Status = status, RejectionReason = reason, CreatedAt = now, UpdatedAt = now };
        reservation._lines.AddRange(Normalize(lines).Select(l => new ReservationLine(l.ProductId, l.Quantity)));
        if (reservation._lines.Count == 0 || reservation._lines.Any(l => l.Quantity <= 0))
        {
            throw new ArgumentException("A reservation needs lines with positive quantities.", nameof(lines));
        }

        return reservation;
    }

    /// <summary>The most units of one product a reservation holds, its lines for that product added up.</summary>
    public const int MaxQuantity = int.MaxValue;

    /// <summary>The lines (by index) of every product whose lines add up to more than <see cref="MaxQuantity"/>, with that total.</summary>
    /// <param name="lines">The lines asked for, in the caller's order.</param>
    public static IEnumerable<(string ProductId, long Total, IReadOnlyList<int> Lines)> OverMaxQuantity(IReadOnlyList<ReservationLine> lines) =>
        lines.Select((line, index) => (line, index))
            .GroupBy(l => l.line.ProductId, StringComparer.Ordinal)
            .Select(g => (g.Key, Total: g.Sum(l => (long)l.line.Quantity), Lines: (IReadOnlyList<int>)g.Select(l => l.index).ToList()))
            .Where(g => g.Total > MaxQuantity);

    private static IEnumerable<(string ProductId, int Quantity)> Normalize(IEnumerable<ReservationLine> lines) =>
        lines.GroupBy(l => l.ProductId, StringComparer.Ordinal)
            .Select(g => (g.Key, Merged(g.Key, g.Sum(l => (long)l.Quantity))))
            .OrderBy(l => l.Key, StringComparer.Ordinal);

    private static int Merged(string productId, long total) =>
        total <= MaxQuantity
            ? (int)total
            : throw new ArgumentException($"The lines for {productId} add up to {total} units; a reservation holds at most {MaxQuantity} of one product.", "lines");
}
