using Hub.Contracts.Values;

namespace Hub.Catalog.Domain.Products;

/// <summary>
/// One immutable price list of a product: tiered unit prices by quantity break in the supplier's currency. Every
/// change makes a new version, so an order keeps pointing at the prices it was placed at.
/// </summary>
internal sealed class PriceVersion
{
    /// <summary>
    /// The most one order line may come to, in minor units of its currency: the platform's largest amount. Any line total
    /// then fits a 64-bit count of minor units, and so does the sum of a cart of a few hundred lines.
    /// </summary>
    public const long MaxLineTotalMinorUnits = Money.MaxAmountMinorUnits;

    private readonly List<PriceTier> _tiers = [];

    private PriceVersion()
    {
    }

    public string ProductId { get; private set; } = "";

    public int Version { get; private set; }

    public string Currency { get; private set; } = "";

    public DateTime EffectiveFrom { get; private set; }

    public IReadOnlyList<PriceTier> Tiers => _tiers;

    /// <summary>The unit price at the lowest break, i.e. what a buyer of the minimum order pays.</summary>
    public decimal ListUnitPrice => _tiers.OrderBy(t => t.MinQuantity).First().UnitPrice;

    internal static PriceVersion Create(string productId, int version, CurrencyCode currency, IEnumerable<PriceTier> tiers, DateTime effectiveFrom)
    {
        var ordered = tiers.OrderBy(t => t.MinQuantity).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A price list needs at least one tier.", nameof(tiers));
        }

        if (ordered.Any(t => t.MinQuantity <= 0 || t.UnitPrice <= 0 || !new Money(t.UnitPrice, currency).IsRounded)
            || ordered.Select(t => t.MinQuantity).Distinct().Count() != ordered.Count)
        {
            throw new ArgumentException("Tiers need distinct positive quantity breaks and positive prices rounded to the currency.", nameof(tiers));
        }

        var price = new PriceVersion { ProductId = productId, Version = version, Currency = currency.Code, EffectiveFrom = effectiveFrom };
        price._tiers.AddRange(ordered.Select(t => new PriceTier(t.MinQuantity, t.UnitPrice)));
        return price;
    }

    /// <summary>
    /// The unit price for an order of <paramref name="quantity"/> units: the tier with the highest break not above it
    /// (below the first break, the first tier's price).
    /// </summary>
    public Money UnitPriceFor(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var ordered = _tiers.OrderBy(t => t.MinQuantity).ToList();
        var tier = ordered.LastOrDefault(t => t.MinQuantity <= quantity) ?? ordered[0];
        return new Money(tier.UnitPrice, CurrencyCode.Parse(Currency));
    }

    /// <summary>
    /// What <paramref name="quantity"/> units cost at <see cref="UnitPriceFor"/>; null when that is more than one
    /// order line may come to (<see cref="MaxLineTotalMinorUnits"/>).
    /// </summary>
    public Money? LineTotalFor(int quantity)
    {
        var total = UnitPriceFor(quantity) * quantity;
        return total <= Money.FromMinorUnits(MaxLineTotalMinorUnits, total.Currency) ? total : null;
    }

    public bool HasSameTiers(IEnumerable<PriceTier> tiers)
    {
        var mine = _tiers.OrderBy(t => t.MinQuantity).Select(t => (t.MinQuantity, t.UnitPrice));
        var theirs = tiers.OrderBy(t => t.MinQuantity).Select(t => (t.MinQuantity, t.UnitPrice));
        return mine.SequenceEqual(theirs);
    }
}
