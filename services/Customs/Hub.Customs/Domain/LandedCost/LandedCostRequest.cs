using Hub.Contracts.Values;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>
/// A consignment to be imported at <paramref name="Destination"/>: invoice values, the Incoterm they were sold under
/// and the freight and insurance paid on top (both in the invoice currency).
/// </summary>
internal sealed record LandedCostRequest(
    HubId Destination,
    CurrencyCode InvoiceCurrency,
    Incoterm Incoterm,
    decimal Freight,
    decimal Insurance,
    TradeChannel Channel,
    string? Buyer,
    DateOnly Date,
    IReadOnlyList<GoodsLine> Lines);
