using Microsoft.EntityFrameworkCore;

namespace Hub.ServiceDefaults.Data;

/// <summary>Applies a service's checked-in migrations to its database.</summary>
public static class DatabaseMigrations
{
    /// <summary>
    /// Applies the pending migrations, one process at a time per database: replicas of a service starting together
    /// (a cluster's init containers) each ask, and EF Core's own lock does not keep them from applying the same
    /// migration twice on a fresh database (a duplicate key in its history table). A session-level advisory lock on the
    /// database's name, taken on the connection the migrations run on, makes the others wait; they then find nothing
    /// pending. A process that dies holding it ends its session, and so the lock.
    /// </summary>
    /// <returns>The number of migrations applied.</returns>
    public static async Task<int> ApplyAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(hashtextextended('hub-migrate:' || current_database(), 0))", cancellationToken);
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                await db.Database.MigrateAsync(cancellationToken);
                return pending;
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(hashtextextended('hub-migrate:' || current_database(), 0))", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
