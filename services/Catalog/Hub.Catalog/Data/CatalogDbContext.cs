using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ServiceDbContext(options);
