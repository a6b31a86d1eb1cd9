using Hub.Catalog.Data;
using Hub.Customs.Data;
using Hub.Logistics.Data;
using Hub.Order.Data;
using Hub.Payment.Data;
using Hub.ServiceDefaults.Data;
using Hub.TaxRefund.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Services.Tests;

/// <summary>Replicas of a service starting together each migrate its database (a cluster's init containers), as the <c>migrate</c> command does.</summary>
public sealed class ConcurrentMigrationTests
{
    [Theory]
    [MemberData(nameof(ServiceStartupTests.Services), MemberType = typeof(ServiceStartupTests))]
    public Task ThreeReplicasMigratingAFreshDatabaseAtOnce_AllSucceed_EachMigrationAppliedOnce(string service) => service switch
    {
        "Catalog" => Verify<CatalogDbContext>("catalog"),
        "Order" => Verify<OrderDbContext>("order"),
        "Customs" => Verify<CustomsDbContext>("customs"),
        "Logistics" => Verify<LogisticsDbContext>("logistics"),
        "Payment" => Verify<PaymentDbContext>("payment"),
        "TaxRefund" => Verify<TaxRefundDbContext>("taxrefund"),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private static async Task Verify<TContext>(string name)
        where TContext : ServiceDbContext
    {
        await using var database = await TestDatabase.CreateAsync(name);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var replica = database.CreateContext<TContext>();
            await DatabaseMigrations.ApplyAsync(replica);
        })));

        await using var db = database.CreateContext<TContext>();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        var applied = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync();
        applied.ShouldBe(db.Database.GetMigrations(), ignoreOrder: true);
    }
}
