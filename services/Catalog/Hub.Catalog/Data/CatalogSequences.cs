using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Data;

/// <summary>Numbers of the hub-qualified ids this hub issues (KR-P-000001, KR-S-000001), from PostgreSQL sequences.</summary>
internal static class CatalogSequences
{
    public const string Products = "product_numbers";
    public const string Suppliers = "supplier_numbers";

    public static Task<long> NextAsync(this CatalogDbContext db, string sequence, CancellationToken cancellationToken) => sequence switch
    {
        Products => db.Database.SqlQuery<long>($"SELECT nextval('product_numbers') AS \"Value\"").SingleAsync(cancellationToken),
        Suppliers => db.Database.SqlQuery<long>($"SELECT nextval('supplier_numbers') AS \"Value\"").SingleAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Unknown sequence."),
    };
}
