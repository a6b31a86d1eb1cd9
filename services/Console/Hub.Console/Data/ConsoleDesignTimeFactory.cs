using Hub.ServiceDefaults.Data;

namespace Hub.Console.Data;

internal sealed class ConsoleDesignTimeFactory : DesignTimeDbContextFactory<ConsoleDbContext>;
