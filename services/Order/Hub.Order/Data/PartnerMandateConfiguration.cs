using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class PartnerMandateConfiguration : IEntityTypeConfiguration<PartnerMandate>
{
    public void Configure(EntityTypeBuilder<PartnerMandate> b)
    {
        b.ToTable("partner_mandates");
        b.HasKey(m => new { m.Company, m.PartnerHub });
        b.Property(m => m.Company).HasMaxLength(24);
        b.Property(m => m.PartnerHub).HasMaxLength(2);
        b.Property(m => m.GrantedBy).HasMaxLength(200);
    }
}
