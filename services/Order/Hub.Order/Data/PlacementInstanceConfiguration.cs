using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class PlacementInstanceConfiguration : IEntityTypeConfiguration<PlacementInstance>
{
    public void Configure(EntityTypeBuilder<PlacementInstance> b)
    {
        b.ToTable("placement_instances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
    }
}
