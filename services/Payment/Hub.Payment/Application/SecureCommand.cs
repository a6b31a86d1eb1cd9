using Hub.Contracts.Values;

namespace Hub.Payment.Application;

internal sealed record SecureCommand(OrderId Order, CompanyId Buyer, CompanyId Supplier, Money Amount, Guid QuoteId);
