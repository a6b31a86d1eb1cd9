using Hub.Contracts.Values;

namespace Hub.Catalog.Domain.Suppliers;

/// <summary>A company that sells through this hub: it lists products priced in its own currency.</summary>
internal sealed class Supplier
{
    private Supplier()
    {
    }

    public string Id { get; private set; } = "";

    public long Number { get; private set; }

    public string CompanyId { get; private set; } = "";

    public string HomeHub { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The customs/tax trader id the supplier exports under (e.g. a Korean business registration number).</summary>
    public string TraderId { get; private set; } = "";

    public string Country { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public DateTime RegisteredAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Supplier Register(SupplierId id, CompanyId company, SupplierProfile profile, DateTime now)
    {
        var supplier = new Supplier
        {
            Id = id.ToString(),
            Number = id.Number,
            CompanyId = company.ToString(),
            HomeHub = id.Hub.ToString(),
            RegisteredAt = now,
        };
        supplier.Update(profile, now);
        return supplier;
    }

    public void Update(SupplierProfile profile, DateTime now)
    {
        Name = profile.Name;
        TraderId = profile.TraderId;
        Country = profile.Country.Code;
        Currency = profile.Currency.Code;
        UpdatedAt = now;
    }

    public bool IsOwnedBy(CompanyId company) => CompanyId == company.ToString();
}
