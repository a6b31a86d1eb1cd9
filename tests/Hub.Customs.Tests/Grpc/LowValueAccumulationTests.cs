using System.Net.Http.Json;
using Hub.Customs.V1;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Grpc;

/// <summary>Hub CN: the per-buyer annual accumulator of cross-border e-commerce imports (CNY 26,000 a year).</summary>
public sealed class LowValueAccumulationTests(ChinaCustomsHost host) : IClassFixture<ChinaCustomsHost>
{
    [Fact]
    public async Task Declare_CbecImports_TheOrderCrossingTheAnnualLimitIsTaxedAsGeneralTrade()
    {
        var regimes = new List<string>();
        DeclarationReply? first = null;
        for (var n = 1; n <= 7; n++)
        {
            var request = Requests.CbecImport("cn-buyer-annual");
            var reply = await host.Grpc.DeclareAsync(request);
            first ??= reply;
            regimes.Add(reply.RegimeCode);
            if (n == 1)
            {
                (await host.Grpc.DeclareAsync(request)).DeclarationId.ShouldBe(reply.DeclarationId);
            }
        }

        regimes.ShouldBe(["CN-CBEC", "CN-CBEC", "CN-CBEC", "CN-CBEC", "CN-CBEC", "CN-CBEC", "GENERAL"]);
        first!.Duty.MinorUnits.ShouldBe(0);
        first.Vat.MinorUnits.ShouldBe(36_400);
        await using var db = host.Db();
        var entries = await db.BuyerImports.Where(b => b.Buyer == "CN-BUYER-ANNUAL").ToListAsync();
        entries.Count.ShouldBe(7);
        entries.Count(e => e.Applied).ShouldBe(6);
        entries.Where(e => e.Applied).Sum(e => e.Amount).ShouldBe(24_000m);
    }

    [Fact]
    public async Task Declare_ConcurrentCbecImportsOfOneBuyer_NeverExceedTheAnnualLimit()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Grpc.DeclareAsync(Requests.CbecImport("cn-buyer-race")).ResponseAsync));

        replies.Count(r => r.RegimeCode == "CN-CBEC").ShouldBe(6);
        replies.Count(r => r.RegimeCode == "GENERAL").ShouldBe(2);
    }

    [Fact]
    public async Task Declare_AfterCbecImportsWereWithdrawnOrRejected_TheirValueIsBackInTheAnnualAllowance()
    {
        const string buyer = "CN-BUYER-RETURNS";
        var cleared = new List<DeclareRequest>();
        for (var n = 0; n < 4; n++)
        {
            var request = Requests.CbecImport(buyer, valueMinor: 500_000);
            (await host.Grpc.DeclareAsync(request)).RegimeCode.ShouldBe("CN-CBEC");
            cleared.Add(request);
        }

        var incomplete = Requests.CbecImport(buyer, valueMinor: 500_000).Also(r => r.Transport.TransportDocument = "");
        var held = await host.Grpc.DeclareAsync(incomplete);
        held.Status.ShouldBe(DeclarationStatus.Held);
        held.RegimeCode.ShouldBe("CN-CBEC");

        await host.Grpc.WithdrawAsync(new WithdrawDeclarationRequest { OrderId = cleared[0].OrderId, Type = DeclarationType.Import, Reason = "order cancelled" });
        var afterWithdrawal = await host.Grpc.DeclareAsync(Requests.CbecImport(buyer, valueMinor: 500_000));
        using (var op = host.Operator())
        {
            (await op.PostAsJsonAsync($"/api/customs/declarations/{held.DeclarationId}/reject", new { reason = "goods not as declared" })).EnsureSuccessStatusCode();
        }

        var afterRejection = await host.Grpc.DeclareAsync(Requests.CbecImport(buyer, valueMinor: 500_000));
        var overTheLimit = await host.Grpc.DeclareAsync(Requests.CbecImport(buyer, valueMinor: 200_000));

        afterWithdrawal.RegimeCode.ShouldBe("CN-CBEC", "CNY 20,000 stand after the withdrawal; 5,000 more stays within 26,000");
        afterRejection.RegimeCode.ShouldBe("CN-CBEC", "CNY 20,000 stand after the rejection; 5,000 more stays within 26,000");
        overTheLimit.RegimeCode.ShouldBe("GENERAL", "CNY 25,000 stand; 2,000 more exceed 26,000");
        await using var db = host.Db();
        var entries = await db.BuyerImports.Where(b => b.Buyer == buyer).ToListAsync();
        entries.ShouldNotContain(e => e.OrderId == cleared[0].OrderId || e.OrderId == incomplete.OrderId);
        entries.Where(e => e.Applied).Sum(e => e.Amount).ShouldBe(25_000m);
    }
}
