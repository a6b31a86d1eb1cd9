using Hub.Contracts.Values;

namespace Hub.Payment.Application;

/// <summary>Secure an order's funds in escrow at a locked quote.</summary>
/// <param name="Order">The order.</param>
/// <param name="Buyer">The paying company.</param>
/// <param name="Supplier">The company paid on release.</param>
/// <param name="Amount">What the buyer pays, as the quote says.</param>
/// <param name="QuoteId">The locked FX quote.</param>
/// <param name="SupplierName">The supplier's registered name, screened before the release; null to screen its company id.</param>
internal sealed record SecureCommand(OrderId Order, CompanyId Buyer, CompanyId Supplier, Money Amount, Guid QuoteId, string? SupplierName = null);
