using Hub.Payment.Domain.Fx;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class FxRateConfiguration : IEntityTypeConfiguration<FxRate>
{
    // Indicative mid-market levels of November 2026, spread ±0.04 % to ±0.07 %; operators publish real ones.
    private static readonly DateTime SeededAt = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<FxRate> b)
    {
        b.ToTable("fx_rates");
        b.HasKey(r => r.Id);
        b.Property(r => r.BaseCurrency).HasMaxLength(3).IsRequired();
        b.Property(r => r.QuoteCurrency).HasMaxLength(3).IsRequired();
        b.Property(r => r.Bid).HasPrecision(28, 8);
        b.Property(r => r.Ask).HasPrecision(28, 8);
        b.Property(r => r.Source).HasMaxLength(200).IsRequired();
        b.Ignore(r => r.Rate);
        b.HasIndex(r => new { r.BaseCurrency, r.QuoteCurrency, r.AsOf });
        b.HasData(
            Seed("0193a000-0000-7000-8000-000000000001", "USD", "KRW", 1349.50m, 1350.50m),
            Seed("0193a000-0000-7000-8000-000000000002", "USD", "CNY", 7.1180m, 7.1220m),
            Seed("0193a000-0000-7000-8000-000000000003", "USD", "MYR", 4.4580m, 4.4620m),
            Seed("0193a000-0000-7000-8000-000000000004", "EUR", "USD", 1.0840m, 1.0850m),
            Seed("0193a000-0000-7000-8000-000000000005", "USD", "JPY", 149.80m, 150.00m));
    }

    private static object Seed(string id, string @base, string quote, decimal bid, decimal ask) => new
    {
        Id = Guid.Parse(id),
        BaseCurrency = @base,
        QuoteCurrency = quote,
        Bid = bid,
        Ask = ask,
        Source = "seed: indicative levels 2026-11-23",
        AsOf = SeededAt,
        RecordedAt = SeededAt,
    };
}
