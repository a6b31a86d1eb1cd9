using Hub.ServiceDefaults.Data;

namespace Hub.Logistics.Data;

internal sealed class LogisticsDesignTimeFactory : DesignTimeDbContextFactory<LogisticsDbContext>;
