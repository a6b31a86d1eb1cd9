using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Data;

public sealed class CustomsDbContext(DbContextOptions<CustomsDbContext> options) : ServiceDbContext(options);
