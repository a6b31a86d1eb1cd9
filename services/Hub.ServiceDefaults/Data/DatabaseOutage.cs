using Npgsql;

namespace Hub.ServiceDefaults.Data;

/// <summary>
/// Tells a failure because the database did not answer (a restart, a failover, a lost connection, a timeout) from one
/// because it refused what was asked: the first is worth trying again shortly, the second is not.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Whether <paramref name="exception"/> (or the one EF Core wrapped in it) says the database did not answer.</summary>
    /// <param name="exception">What a database call threw.</param>
    public static bool Is(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception as NpgsqlException ?? exception.InnerException as NpgsqlException) is { } npgsql
            && (npgsql.IsTransient || npgsql is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown });
    }
}
