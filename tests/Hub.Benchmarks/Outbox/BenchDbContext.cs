using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Benchmarks.Outbox;

/// <summary>A service database with nothing but the shared outbox and inbox.</summary>
internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : ServiceDbContext(options);
