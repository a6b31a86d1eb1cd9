using Hub.ServiceDefaults.Data;

namespace Hub.TaxRefund.Data;

internal sealed class TaxRefundDesignTimeFactory : DesignTimeDbContextFactory<TaxRefundDbContext>;
