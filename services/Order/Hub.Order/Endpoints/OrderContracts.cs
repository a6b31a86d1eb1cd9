namespace Hub.Order.Endpoints;

/// <summary>A cart: products of one or several suppliers (and hubs), delivered under one Incoterm.</summary>
/// <param name="Incoterm">Incoterms 2020 rule, e.g. FOB, CIF, DAP.</param>
/// <param name="NamedPlace">The place the rule names, e.g. "Busan port".</param>
/// <param name="Mode">Main carriage: AIR or SEA.</param>
/// <param name="Lines">Products and quantities.</param>
/// <param name="CheckoutId">
/// Placing only: the checkout that priced this very cart. The cart is then placed at that checkout's prices, freight,
/// duties and FX quotes, once, while its quotes hold; without one the cart is priced again as it is placed.
/// </param>
public sealed record CartRequest(string? Incoterm, string? NamedPlace, string? Mode, IReadOnlyList<CartLineRequest>? Lines, Guid? CheckoutId = null)
{
    // Rules and modes are names, taken in any case and kept as written in the rules (DAP, SEA).

    /// <summary>The Incoterms 2020 rule, upper-case.</summary>
    public string? Incoterm { get; init => field = value?.ToUpperInvariant(); } = Incoterm?.ToUpperInvariant();

    /// <summary>The main carriage, upper-case.</summary>
    public string? Mode { get; init => field = value?.ToUpperInvariant(); } = Mode?.ToUpperInvariant();
}

/// <param name="ProductId">A hub-qualified product id, e.g. KR-P-000123.</param>
/// <param name="Quantity">Units, at least the product's MOQ.</param>
/// <param name="SupplierCompany">
/// Optional: the company the buyer expects to buy from. The supplier's catalog says who supplies the product; a line
/// naming another company is refused.
/// </param>
public sealed record CartLineRequest(string? ProductId, int Quantity, string? SupplierCompany);

/// <summary>
/// A priced cart. Money is integer minor units of the named currency. Placing the cart with its
/// <paramref name="CheckoutId"/> buys at these figures; it can be placed once, until <paramref name="PlaceBy"/>.
/// </summary>
/// <param name="CheckoutId">The checkout, named by the placement that buys at these figures.</param>
/// <param name="PlaceBy">The last moment the checkout can be placed.</param>
/// <param name="BuyerCurrency">The buyer's currency, the grand total's.</param>
/// <param name="Suppliers">Each supplier's share of the cart, its own order once placed.</param>
/// <param name="GrandTotalMinor">
/// What the buyer pays in <paramref name="BuyerCurrency"/>: the goods, and the freight and the duties and taxes that the
/// cart's Incoterm leaves to the buyer where they are in that currency.
/// </param>
/// <param name="NotInBuyerCurrency">The costs left to the buyer in other currencies, by currency, besides the grand total.</param>
public sealed record CheckoutResponse(
    Guid CheckoutId,
    DateTime PlaceBy,
    string BuyerCurrency,
    IReadOnlyList<SupplierQuoteResponse> Suppliers,
    long GrandTotalMinor,
    IReadOnlyList<MoneyResponse> NotInBuyerCurrency);

/// <summary>One supplier's share of a priced cart.</summary>
/// <param name="SupplierId">The supplier, e.g. KR-S-000001.</param>
/// <param name="SupplierCompany">The supplier's company.</param>
/// <param name="SupplierHub">The supplier's hub.</param>
/// <param name="Currency">The supplier's currency, the goods'.</param>
/// <param name="GoodsTotalMinor">The goods in the supplier's currency.</param>
/// <param name="Lines">The supplier's products, quantities and prices.</param>
/// <param name="BuyerTotalMinor">The goods in the buyer's currency, at the FX quote.</param>
/// <param name="FxQuoteId">The FX quote the payment is made at.</param>
/// <param name="FxQuoteExpiresAt">When the FX quote expires.</param>
/// <param name="FxRate">The quote's rate: units of the supplier's currency per unit of the buyer's.</param>
/// <param name="Freight">The estimated main carriage, in the lane's currency, whoever pays it.</param>
/// <param name="DutiesAndTaxes">The import duties and taxes previewed at the buyer's hub, whoever pays them.</param>
/// <param name="FreightPaidBy">Who pays the main carriage under the cart's Incoterm: <c>buyer</c> (EXW, FCA, FAS, FOB) or <c>seller</c>.</param>
/// <param name="DutiesPaidBy">Who pays the import duties and taxes: <c>buyer</c>, or <c>seller</c> under DDP.</param>
/// <param name="ShipWithinDays">
/// The trade assurance of the buyer's hub: the goods depart within these days of the payment, or the buyer is
/// compensated for each day late (0 for a checkout priced before it was shown).
/// </param>
/// <param name="ProtectionDays">The days after the escrow's release during which the buyer may still dispute the order.</param>
public sealed record SupplierQuoteResponse(
    string SupplierId,
    string SupplierCompany,
    string SupplierHub,
    string Currency,
    long GoodsTotalMinor,
    IReadOnlyList<LineResponse> Lines,
    long BuyerTotalMinor,
    string FxQuoteId,
    DateTime FxQuoteExpiresAt,
    string FxRate,
    MoneyResponse Freight,
    MoneyResponse DutiesAndTaxes,
    string FreightPaidBy,
    string DutiesPaidBy,
    int ShipWithinDays,
    int ProtectionDays);

public sealed record LineResponse(string ProductId, int Quantity, long UnitPriceMinor, string Currency, int PriceVersion, long LineTotalMinor);

public sealed record MoneyResponse(long MinorUnits, string Currency);

public sealed record PurchaseResponse(Guid PurchaseId, string BuyerCompany, DateTime CreatedAt, IReadOnlyList<OrderResponse> Orders);

public sealed record OrderResponse(
    string OrderId,
    Guid PurchaseId,
    string Status,
    string BuyerCompany,
    string SupplierCompany,
    string SupplierId,
    string SupplierHub,
    string Incoterm,
    string NamedPlace,
    string Mode,
    MoneyResponse GoodsTotal,
    MoneyResponse BuyerTotal,
    string FxQuoteId,
    DateTime FxQuoteExpiresAt,
    MoneyResponse Freight,
    MoneyResponse DutiesAndTaxes,
    string? FailureReason,
    string? ConsignmentId,
    DateTime PlacedAt,
    DateTime UpdatedAt,
    DateTime? DueBy,
    IReadOnlyList<LineResponse> Lines,
    IReadOnlyList<TimelineResponse>? Timeline);

/// <summary>
/// A page of what a supplier sells at this hub and at the partner hubs, newest first, and the partner hubs that did
/// not answer in time; <c>NextCursor</c> fetches the page after it, null on the last page.
/// </summary>
public sealed record SalesResponse(IReadOnlyList<OrderResponse> Orders, IReadOnlyList<string> HubsUnanswered, string? NextCursor = null);

/// <summary>A buyer's dispute of a delivered order.</summary>
/// <param name="Reason">What is wrong with the goods or the delivery, 1 to 1,000 characters.</param>
public sealed record DisputeRequest(string? Reason);

public sealed record TimelineResponse(int Sequence, DateTime At, string Hub, string Step, string Cause, string? Detail);
