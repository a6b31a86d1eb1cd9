using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Data;

public sealed class OrderDbContext(DbContextOptions<OrderDbContext> options) : ServiceDbContext(options);
