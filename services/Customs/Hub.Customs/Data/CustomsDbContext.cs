using Hub.Customs.Domain.Declarations;
using Hub.Customs.Domain.Reference;
using Hub.Customs.Domain.Screening;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Data;

public sealed class CustomsDbContext(DbContextOptions<CustomsDbContext> options) : ServiceDbContext(options)
{
    internal const string DeclarationNumbers = "declaration_numbers";

    internal DbSet<CustomsAuthority> Authorities => Set<CustomsAuthority>();

    internal DbSet<TariffLine> TariffLines => Set<TariffLine>();

    internal DbSet<LowValueRegime> LowValueRegimes => Set<LowValueRegime>();

    internal DbSet<PreferentialRate> PreferentialRates => Set<PreferentialRate>();

    internal DbSet<CustomsFxRate> FxRates => Set<CustomsFxRate>();

    internal DbSet<BuyerImport> BuyerImports => Set<BuyerImport>();

    internal DbSet<ScreeningList> ScreeningLists => Set<ScreeningList>();

    internal DbSet<DeniedParty> DeniedParties => Set<DeniedParty>();

    internal DbSet<Declaration> Declarations => Set<Declaration>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(DeclarationNumbers);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomsDbContext).Assembly);
    }
}
