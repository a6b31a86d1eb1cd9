namespace Hub.Order.Domain;

/// <summary>Everything a supplier order is placed with besides its lines.</summary>
/// <remarks>
/// <c>PartnerHub</c> is the partner hub that placed the order for its buyer, null when the buyer placed it;
/// <c>SupplierName</c> the supplier's name as it registered at its catalog, null when the catalog gave none;
/// <c>BuyerName</c> and <c>BuyerAddress</c> the buyer's profile at this hub, null when it registered none.
/// </remarks>
internal sealed record OrderPlacement(
    string OrderId,
    Guid PurchaseId,
    string BuyerCompany,
    string BuyerHub,
    string SupplierCompany,
    string SupplierId,
    string SupplierHub,
    string Incoterm,
    string NamedPlace,
    string Destination,
    string Mode,
    string Currency,
    string BuyerCurrency,
    long BuyerTotalMinor,
    string FxQuoteId,
    DateTime FxQuoteExpiresAt,
    long FreightMinor,
    string FreightCurrency,
    long DutiesMinor,
    string DutiesCurrency,
    string? PartnerHub = null,
    string? SupplierName = null,
    string? BuyerName = null,
    string? BuyerAddress = null);
