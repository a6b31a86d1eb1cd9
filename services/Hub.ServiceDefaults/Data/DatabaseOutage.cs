using Npgsql;

namespace Hub.ServiceDefaults.Data;

/// <summary>
/// Tells a failure because the database did not answer (a restart, a failover, a lost connection, a timeout) from one
/// because it refused what was asked: the first is worth trying again shortly, the second is not.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// Whether <paramref name="exception"/>, or the one EF Core wrapped in it (a save's failure comes wrapped twice),
    /// says the database did not answer.
    /// </summary>
    /// <param name="exception">What a database call threw.</param>
    public static bool Is(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException npgsql)
            {
                return npgsql.IsTransient || npgsql is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown };
            }
        }

        return false;
    }
}
