using Hub.ServiceDefaults.Data;

namespace Hub.Catalog.Data;

internal sealed class CatalogDesignTimeFactory : DesignTimeDbContextFactory<CatalogDbContext>;
