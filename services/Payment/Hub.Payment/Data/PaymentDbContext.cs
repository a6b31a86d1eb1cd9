using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Data;

public sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options) : ServiceDbContext(options);
