using Hub.ServiceDefaults.Data;

namespace Hub.Customs.Data;

internal sealed class CustomsDesignTimeFactory : DesignTimeDbContextFactory<CustomsDbContext>;
