namespace Hub.Catalog.Endpoints;

/// <summary>Registers the caller's company as a supplier of this hub.</summary>
/// <param name="Name">The company's trading name (1–200 characters).</param>
/// <param name="TraderId">The id the company exports under with customs, e.g. a Korean business registration number (1–35 characters).</param>
/// <param name="Country">ISO 3166-1 alpha-2 country where the company is established.</param>
/// <param name="Currency">ISO 4217 currency of the company's prices.</param>
internal sealed record SupplierRequest(string? Name, string? TraderId, string? Country, string? Currency);

internal sealed record SupplierResponse(
    string Id,
    string CompanyId,
    string HomeHub,
    string Name,
    string TraderId,
    string Country,
    string Currency,
    DateTime RegisteredAt);
