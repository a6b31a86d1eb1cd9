using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Declarations;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Application;

/// <summary>
/// Loads what a landed-cost calculation for one hub, date and buyer needs, and nothing more. The buyer's earlier imports
/// count only while their declarations stand (not withdrawn or rejected).
/// </summary>
internal sealed class ReferenceDataReader(CustomsDbContext db)
{
    public async Task<CustomsReference> LoadAsync(HubId hub, string? buyer, DateOnly date, CancellationToken cancellationToken)
    {
        var h = hub.ToString();
        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Hub == h, cancellationToken)
            ?? throw new CustomsRuleException("destinationHub", $"Hub {hub} has no customs authority configured.");
        var tariff = await db.TariffLines.AsNoTracking()
            .Where(t => t.Hub == h && t.ValidFrom <= date && (t.ValidTo == null || t.ValidTo > date)).ToListAsync(cancellationToken);
        var regimes = await db.LowValueRegimes.AsNoTracking()
            .Where(r => r.Hub == h && r.ValidFrom <= date && (r.ValidTo == null || r.ValidTo > date)).ToListAsync(cancellationToken);
        var preferences = await db.PreferentialRates.AsNoTracking().Where(r => r.Hub == h && r.Year == date.Year).ToListAsync(cancellationToken);
        var fx = await db.FxRates.AsNoTracking()
            .Where(r => r.Hub == h && r.ValidFrom <= date && (r.ValidTo == null || r.ValidTo > date)).ToListAsync(cancellationToken);
        var history = buyer is null ? [] : await BuyerHistoryAsync(hub, buyer, date, cancellationToken);
        return new CustomsReference(authority, tariff, regimes, preferences, fx, history);
    }

    /// <summary>The buyer's imports at the hub from the start of the date's year to the date, whose declarations stand.</summary>
    public async Task<IReadOnlyList<BuyerImport>> BuyerHistoryAsync(HubId hub, string buyer, DateOnly date, CancellationToken cancellationToken)
    {
        var h = hub.ToString();
        var yearStart = new DateOnly(date.Year, 1, 1);
        return await db.BuyerImports.AsNoTracking()
            .Where(b => b.Hub == h && b.Buyer == buyer && b.Date >= yearStart && b.Date <= date)
            .Where(b => db.Declarations.Any(d => d.Hub == b.Hub && d.Type == DeclarationType.Import && d.OrderId == b.OrderId
                && d.Status != DeclarationStatus.Withdrawn && d.Status != DeclarationStatus.Rejected))
            .ToListAsync(cancellationToken);
    }
}
