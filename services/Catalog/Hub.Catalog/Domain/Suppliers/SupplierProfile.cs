using Hub.Contracts.Values;

namespace Hub.Catalog.Domain.Suppliers;

/// <summary>What a supplier says about itself; validated at the edge.</summary>
internal sealed record SupplierProfile(string Name, string TraderId, CountryCode Country, CurrencyCode Currency);
