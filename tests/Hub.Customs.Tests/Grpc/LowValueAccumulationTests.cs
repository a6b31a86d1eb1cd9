using Hub.Customs.V1;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Grpc;

/// <summary>Hub CN: the per-buyer annual accumulator of cross-border e-commerce imports (CNY 26,000 a year).</summary>
public sealed class LowValueAccumulationTests(ChinaCustomsHost host) : IClassFixture<ChinaCustomsHost>
{
    private static DeclareRequest CbecImport(string buyer)
    {
        var request = Requests.Declaration(DeclarationType.Import, orderId: Requests.NewOrderId("CN"));
        request.InvoiceCurrency = "CNY";
        request.Incoterm = "CIF";
        request.FreightMinor = 0;
        request.InsuranceMinor = 0;
        request.Channel = Channel.Ecommerce;
        request.BuyerId = buyer;
        request.Lines[0].Origin = "KR";
        request.Lines[0].ValueMinor = 400_000;
        return request;
    }

    [Fact]
    public async Task Declare_CbecImports_TheOrderCrossingTheAnnualLimitIsTaxedAsGeneralTrade()
    {
        var regimes = new List<string>();
        DeclarationReply? first = null;
        for (var n = 1; n <= 7; n++)
        {
            var request = CbecImport("cn-buyer-annual");
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
        var entries = await db.BuyerImports.Where(b => b.Buyer == "cn-buyer-annual").ToListAsync();
        entries.Count.ShouldBe(7);
        entries.Count(e => e.Applied).ShouldBe(6);
        entries.Where(e => e.Applied).Sum(e => e.Amount).ShouldBe(24_000m);
    }

    [Fact]
    public async Task Declare_ConcurrentCbecImportsOfOneBuyer_NeverExceedTheAnnualLimit()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Grpc.DeclareAsync(CbecImport("cn-buyer-race")).ResponseAsync));

        replies.Count(r => r.RegimeCode == "CN-CBEC").ShouldBe(6);
        replies.Count(r => r.RegimeCode == "GENERAL").ShouldBe(2);
    }
}
