using Hub.ServiceDefaults.Data;

namespace Hub.Payment.Data;

internal sealed class PaymentDesignTimeFactory : DesignTimeDbContextFactory<PaymentDbContext>;
