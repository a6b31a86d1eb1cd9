using Hub.ServiceDefaults.Data;

namespace Hub.Order.Data;

internal sealed class OrderDesignTimeFactory : DesignTimeDbContextFactory<OrderDbContext>;
