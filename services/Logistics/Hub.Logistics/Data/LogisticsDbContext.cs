using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Data;

public sealed class LogisticsDbContext(DbContextOptions<LogisticsDbContext> options) : ServiceDbContext(options);
