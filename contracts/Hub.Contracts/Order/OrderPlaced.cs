namespace Hub.Contracts.Order;

/// <summary>
/// A buyer placed a supplier order: its stock is reserved and its funds are about to be secured. Money is integer minor
/// units of the named ISO 4217 currency.
/// </summary>
/// <param name="OrderId">The hub-qualified order id, e.g. <c>KR-O-000001</c>.</param>
/// <param name="PurchaseId">The purchase (one buyer cart) the order belongs to.</param>
/// <param name="BuyerCompany">The buying company, e.g. <c>KR-C-000001</c>.</param>
/// <param name="BuyerHub">The hub that owns the order.</param>
/// <param name="SupplierCompany">The supplying company.</param>
/// <param name="SupplierId">The supplier as listed in its hub's catalog, e.g. <c>CN-S-000001</c>.</param>
/// <param name="SupplierHub">The supplier's hub, which runs export customs and consolidation.</param>
/// <param name="Incoterm">Incoterms 2020 rule, e.g. <c>FOB</c>.</param>
/// <param name="NamedPlace">The place the Incoterm names.</param>
/// <param name="GoodsTotalMinor">Goods total in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The supplier's currency.</param>
/// <param name="BuyerTotalMinor">What the buyer pays, in minor units of <paramref name="BuyerCurrency"/>.</param>
/// <param name="BuyerCurrency">The buyer's currency.</param>
/// <param name="FxQuoteId">The FX quote the buyer total comes from.</param>
/// <param name="PlacedAt">When the order was placed (UTC).</param>
public sealed record OrderPlaced(
    string OrderId,
    Guid PurchaseId,
    string BuyerCompany,
    string BuyerHub,
    string SupplierCompany,
    string SupplierId,
    string SupplierHub,
    string Incoterm,
    string NamedPlace,
    long GoodsTotalMinor,
    string Currency,
    long BuyerTotalMinor,
    string BuyerCurrency,
    string FxQuoteId,
    DateTime PlacedAt);
