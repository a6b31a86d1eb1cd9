namespace Hub.Contracts.Catalog;

/// <summary>
/// A product got a new price version. Orders placed earlier keep the version they were placed at; new orders get
/// this one. Amounts are minor units of <paramref name="Currency"/> (KRW 12,000 → 12000, CNY 4.50 → 450).
/// </summary>
/// <param name="ProductId">The hub-qualified product id.</param>
/// <param name="PriceVersion">The new version number (previous + 1).</param>
/// <param name="Currency">The ISO 4217 code of the supplier's prices.</param>
/// <param name="MinQuantities">The quantity breaks, ascending.</param>
/// <param name="UnitPricesMinor">The unit price of each break, same order as <paramref name="MinQuantities"/>.</param>
/// <param name="EffectiveFrom">When the version took effect (UTC).</param>
public sealed record PriceChanged(
    string ProductId,
    int PriceVersion,
    string Currency,
    IReadOnlyList<int> MinQuantities,
    IReadOnlyList<long> UnitPricesMinor,
    DateTime EffectiveFrom);
