using Hub.Payment.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Payment.Application;

internal static class Transactions
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. When a concurrent command wins a unique key (the same order,
    /// refund key or reference), the work runs again from a clean slate and then finds the winner's record — the
    /// replay path answers it.
    /// </summary>
    public static async Task<T> RunAsync<T>(this PaymentDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException ex) when (attempt < Attempts && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
