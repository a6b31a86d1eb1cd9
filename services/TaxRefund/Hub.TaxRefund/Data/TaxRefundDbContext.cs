using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Data;

public sealed class TaxRefundDbContext(DbContextOptions<TaxRefundDbContext> options) : ServiceDbContext(options);
