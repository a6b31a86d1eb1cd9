using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Data;

/// <summary>Numbers of the hub-qualified order ids this hub issues (KR-O-000001), from a PostgreSQL sequence.</summary>
internal static class OrderSequences
{
    public const string Orders = "order_numbers";

    public static Task<long> NextOrderNumberAsync(this OrderDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"SELECT nextval('order_numbers') AS \"Value\"").SingleAsync(cancellationToken);
}
