using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class PlacementKeyConfiguration : IEntityTypeConfiguration<PlacementKey>
{
    public void Configure(EntityTypeBuilder<PlacementKey> b)
    {
        b.ToTable("placement_keys");
        // One placement under way per buyer and key: a second claim finds the first.
        b.HasKey(k => new { k.BuyerCompany, k.IdempotencyKey });
        b.Property(k => k.BuyerCompany).HasMaxLength(24);
        b.Property(k => k.IdempotencyKey).HasMaxLength(200);
    }
}
