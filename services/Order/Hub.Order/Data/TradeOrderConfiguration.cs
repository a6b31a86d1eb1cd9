using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class TradeOrderConfiguration : IEntityTypeConfiguration<TradeOrder>
{
    public void Configure(EntityTypeBuilder<TradeOrder> b)
    {
        b.ToTable("orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(24);
        b.Property(o => o.BuyerCompany).HasMaxLength(24);
        b.Property(o => o.BuyerHub).HasMaxLength(2);
        b.Property(o => o.PartnerHub).HasMaxLength(2);
        b.Property(o => o.SupplierCompany).HasMaxLength(24);
        b.Property(o => o.SupplierId).HasMaxLength(24);
        b.Property(o => o.SupplierName).HasMaxLength(TradeOrder.MaxNameLength);
        b.Property(o => o.BuyerName).HasMaxLength(TradeOrder.MaxNameLength);
        b.Property(o => o.BuyerAddress).HasMaxLength(TradeOrder.MaxAddressLength);
        b.Property(o => o.SupplierHub).HasMaxLength(2);
        b.Property(o => o.Incoterm).HasMaxLength(3);
        b.Property(o => o.NamedPlace).HasMaxLength(200);
        b.Property(o => o.Destination).HasMaxLength(2);
        b.Property(o => o.Mode).HasMaxLength(8);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.BuyerCurrency).HasMaxLength(3);
        b.Property(o => o.FreightCurrency).HasMaxLength(3);
        b.Property(o => o.DutiesCurrency).HasMaxLength(3);
        b.Property(o => o.FxQuoteId).HasMaxLength(64);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(o => o.FailureReason).HasMaxLength(TradeOrder.MaxTextLength);
        b.Property(o => o.ConsignmentId).HasMaxLength(32);
        b.Property(o => o.ExportDeclarationId).HasMaxLength(64);
        b.Property(o => o.ImportDeclarationId).HasMaxLength(64);
        b.Property(o => o.Version).IsRowVersion();
        b.Ignore(o => o.IsTerminal);
        b.HasIndex(o => o.BuyerCompany);
        // A supplier's orders (its sales, its SME view) and a partner hub's placements are read by these.
        b.HasIndex(o => o.SupplierCompany);
        b.HasIndex(o => o.PartnerHub).HasFilter("partner_hub IS NOT NULL");
        // The sales of a hub's suppliers, newest first: for its operators here, and for it as a partner hub.
        b.HasIndex(o => new { o.SupplierHub, o.PlacedAt });
        b.HasIndex(o => o.DueBy).HasFilter("due_by IS NOT NULL");
        b.HasIndex(o => o.ExportRetryAt).HasFilter("export_retry_at IS NOT NULL");
        b.OwnsMany(o => o.Lines, l =>
        {
            l.ToTable("order_lines", c => c.HasCheckConstraint("ck_order_lines_quantity", "quantity > 0"));
            l.WithOwner().HasForeignKey("OrderId");
            l.HasKey("OrderId", nameof(OrderLine.ProductId));
            l.Property(x => x.ProductId).HasMaxLength(24);
            l.Property(x => x.Currency).HasMaxLength(3);
            l.Ignore(x => x.LineTotalMinor);
        });
        b.Navigation(o => o.Lines).HasField("_lines");
        b.OwnsMany(o => o.Timeline, t =>
        {
            t.ToTable("order_timeline");
            t.WithOwner().HasForeignKey("OrderId");
            t.HasKey("OrderId", nameof(TimelineEntry.Sequence));
            t.Property(x => x.Sequence).ValueGeneratedNever();
            t.Property(x => x.Hub).HasMaxLength(2);
            t.Property(x => x.Step).HasMaxLength(40);
            t.Property(x => x.Cause).HasMaxLength(200);
            t.Property(x => x.Detail).HasMaxLength(TradeOrder.MaxTextLength);
        });
        b.Navigation(o => o.Timeline).HasField("_timeline");
    }
}
