using Hub.Catalog.Domain.Suppliers;
using Hub.Contracts.Values;

namespace Hub.Catalog.Domain.Products;

/// <summary>
/// A supplier's listing: multilingual texts, classification, measures, packaging, MOQ and the number of its current
/// price version. Buyers only see it while it is <see cref="ProductStatus.Listed"/>.
/// </summary>
internal sealed class Product
{
    private readonly List<ProductText> _texts = [];
    private readonly List<NationalLine> _nationalLines = [];

    private Product()
    {
    }

    public string Id { get; private set; } = "";

    public long Number { get; private set; }

    public string Hub { get; private set; } = "";

    public string SupplierId { get; private set; } = "";

    public string CompanyId { get; private set; } = "";

    public ProductStatus Status { get; private set; }

    public IReadOnlyList<ProductText> Texts => _texts;

    /// <summary>The HS subheading (6 digits).</summary>
    public string HsCode { get; private set; } = "";

    public string HsEdition { get; private set; } = "";

    public IReadOnlyList<NationalLine> NationalLines => _nationalLines;

    public string Origin { get; private set; } = "";

    public UnitMeasures Unit { get; private set; } = null!;

    public Packaging Packaging { get; private set; } = null!;

    public int Moq { get; private set; }

    public int LeadTimeDays { get; private set; }

    public string Currency { get; private set; } = "";

    public int PriceVersion { get; private set; }

    /// <summary>The unit price at the lowest break of the current price version, kept here for filtering and sorting.</summary>
    public decimal ListUnitPrice { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? ListedAt { get; private set; }

    public string Title => _texts.Count > 0 ? _texts[0].Title : "";

    public static (Product Product, PriceVersion Prices) Create(ProductId id, Supplier supplier, ProductDetails details, IReadOnlyList<PriceTier> tiers, DateTime now)
    {
        var product = new Product
        {
            Id = id.ToString(),
            Number = id.Number,
            Hub = id.Hub.ToString(),
            SupplierId = supplier.Id,
            CompanyId = supplier.CompanyId,
            Status = ProductStatus.Draft,
            Currency = supplier.Currency,
            CreatedAt = now,
        };
        product.Describe(details, now);
        var prices = Products.PriceVersion.Create(product.Id, 1, CurrencyCode.Parse(product.Currency), tiers, now);
        product.PriceVersion = prices.Version;
        product.ListUnitPrice = prices.ListUnitPrice;
        return (product, prices);
    }

    public bool IsOwnedBy(CompanyId company) => CompanyId == company.ToString();

    /// <summary>Replaces the descriptive data; a delisted product must be listed again before it changes.</summary>
    public void Describe(ProductDetails details, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status == ProductStatus.Delisted)
        {
            throw new CatalogRuleException($"Product {Id} is delisted; list it again before changing it.");
        }

        if (details.Texts.Count == 0 || details.Texts.Select(t => t.Language).Distinct().Count() != details.Texts.Count)
        {
            throw new ArgumentException("A product needs at least one text and one text per language.", nameof(details));
        }

        if (details.NationalLines.Any(l => !l.Line.StartsWith(details.HsCode.Subheading, StringComparison.Ordinal)))
        {
            throw new ArgumentException("Every national line must extend the product's subheading.", nameof(details));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(details.Moq);
        ArgumentOutOfRangeException.ThrowIfNegative(details.LeadTimeDays);

        _texts.Clear();
        _texts.AddRange(details.Texts.Select(t => new ProductText(t.Language, t.Title, t.Description)));
        _nationalLines.Clear();
        _nationalLines.AddRange(details.NationalLines.Select(l => new NationalLine(l.Destination, l.Line)));
        HsCode = details.HsCode.Subheading;
        HsEdition = details.HsCode.Edition;
        Origin = details.Origin.Code;
        Unit = details.Unit;
        Packaging = details.Packaging;
        Moq = details.Moq;
        LeadTimeDays = details.LeadTimeDays;
        UpdatedAt = now;
    }

    /// <summary>Makes a new price version when the tiers differ from <paramref name="current"/>; null when they do not.</summary>
    public PriceVersion? ChangePrices(PriceVersion current, IReadOnlyList<PriceTier> tiers, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.ProductId != Id || current.Version != PriceVersion)
        {
            throw new ArgumentException($"Price version {current.Version} is not the current one of {Id}.", nameof(current));
        }

        if (current.HasSameTiers(tiers))
        {
            return null;
        }

        if (Status == ProductStatus.Delisted)
        {
            throw new CatalogRuleException($"Product {Id} is delisted; list it again before changing its prices.");
        }

        var next = Products.PriceVersion.Create(Id, PriceVersion + 1, CurrencyCode.Parse(Currency), tiers, now);
        PriceVersion = next.Version;
        ListUnitPrice = next.ListUnitPrice;
        UpdatedAt = now;
        return next;
    }

    /// <summary>Offers a draft or delisted product to buyers.</summary>
    public void List(DateTime now)
    {
        if (Status == ProductStatus.Listed)
        {
            throw new CatalogRuleException($"Product {Id} is already listed.");
        }

        Status = ProductStatus.Listed;
        ListedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Withdraws a listed product from buyers; existing reservations stay valid.</summary>
    public void Delist(DateTime now)
    {
        if (Status != ProductStatus.Listed)
        {
            throw new CatalogRuleException($"Product {Id} is {Status.ToString().ToLowerInvariant()}; only a listed product can be delisted.");
        }

        Status = ProductStatus.Delisted;
        UpdatedAt = now;
    }
}
