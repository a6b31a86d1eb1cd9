using System.Text;
using Hub.ServiceDefaults.Data;
using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Data;

public sealed class TaxRefundDbContext(DbContextOptions<TaxRefundDbContext> options) : ServiceDbContext(options)
{
    internal const string ClaimNumbers = "claim_numbers";

    internal DbSet<RefundRate> RefundRates => Set<RefundRate>();

    internal DbSet<PurchaseInvoice> Invoices => Set<PurchaseInvoice>();

    internal DbSet<OrderEvidence> Evidence => Set<OrderEvidence>();

    internal DbSet<RefundClaim> Claims => Set<RefundClaim>();

    internal Task<long> NextClaimNumberAsync(CancellationToken cancellationToken) =>
        Database.SqlQuery<long>($"SELECT nextval('claim_numbers') AS \"Value\"").SingleAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(ClaimNumbers);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TaxRefundDbContext).Assembly);

        // The tax-refund tables follow the shared tables' snake_case without naming every column by hand.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Hub.TaxRefund", StringComparison.Ordinal) == true))
        {
            foreach (var property in entity.GetProperties().Where(p => p.Name != "Version"))
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
