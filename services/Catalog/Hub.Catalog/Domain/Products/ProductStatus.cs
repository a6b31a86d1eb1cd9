namespace Hub.Catalog.Domain.Products;

/// <summary>Where a product is in its life: only listed products are found by buyers and can be reserved.</summary>
internal enum ProductStatus
{
    Draft,
    Listed,
    Delisted,
}
