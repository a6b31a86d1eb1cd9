using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Story;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>A CN buyer orders a KR supplier's goods through the CN gateway, and every hub's books agree afterwards.</summary>
[Collection(TwoHubsCollection.Name)]
public sealed class CrossBorderOrderTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    [Fact]
    public Task PlaceOrder_CnBuyerKrSupplier_CompletesWithLedgersDutiesAndRefundSettled() => RunAsync(async ct =>
    {
        var story = Story(StoryCast.Default);
        var outcome = await story.PlayAsync(ct);

        var order = await Hubs.Cn.GetAsync(await Hubs.Cn.SignInAsync(StoryCast.Default.Buyer, ct), $"/api/order/orders/{outcome.OrderId}", ct);
        order["status"]!.GetValue<string>().ShouldBe("Completed");
        var buyerTotal = order["buyerTotal"]!["minorUnits"]!.GetValue<long>();
        order["buyerTotal"]!["currency"]!.GetValue<string>().ShouldBe("CNY");
        var goodsTotal = order["goodsTotal"]!["minorUnits"]!.GetValue<long>();
        order["goodsTotal"]!["currency"]!.GetValue<string>().ShouldBe("KRW");

        // A client app follows the same timeline as server-sent events through CN's gateway: every step, in order.
        var steps = order["timeline"]!.AsArray().Select(t => t!["step"]!.GetValue<string>()).ToList();
        (await StreamedStepsAsync(Hubs.Cn, await Hubs.Cn.SignInAsync(StoryCast.Default.Buyer, ct), outcome.OrderId, steps.Count, ct)).ShouldBe(steps);

        // The supplier follows the order from KR, which reads it from CN; KR's other suppliers do not see it.
        var seen = await story.SupplierViewAsync(outcome.OrderId, ct);
        seen["status"]!.GetValue<string>().ShouldBe("Completed");
        seen["buyerTotal"]!["minorUnits"]!.GetValue<long>().ShouldBe(buyerTotal);
        seen["timeline"]!.AsArray().Select(t => t!["step"]!.GetValue<string>())
            .ShouldBe(order["timeline"]!.AsArray().Select(t => t!["step"]!.GetValue<string>()));
        var supplierSession = await Hubs.Kr.SignInAsync(StoryCast.Default.Supplier, ct);
        var sales = await Hubs.Kr.GetAsync(supplierSession, "/api/order/sales?status=Completed&limit=200", ct);
        sales["hubsUnanswered"]!.AsArray().ShouldBeEmpty();
        sales["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()).ShouldContain(outcome.OrderId);
        var stranger = await Hubs.Kr.SignInAsync(new StoryUser("kr-supplier-outage", "supplier-demo"), ct);
        (await Should.ThrowAsync<GatewayException>(() => Hubs.Kr.GetAsync(stranger, $"/api/order/orders/{outcome.OrderId}", ct)))
            .Status.ShouldBe(System.Net.HttpStatusCode.NotFound);

        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        // KR's operators see it among the sales of KR's suppliers, read from CN.
        (await kr.GetAsync("/api/order/sales?status=Completed&limit=200"))["orders"]!.AsArray()
            .Select(o => o!["orderId"]!.GetValue<string>()).ShouldContain(outcome.OrderId);

        // The buyer: funded once, debited the order's CNY total once and, as importer of record (FOB), the import's
        // duties and taxes once, on CN's ledger, into CN's duties-collected account.
        var dutiesAndTaxes = order["dutiesAndTaxes"]!["minorUnits"]!.GetValue<long>();
        dutiesAndTaxes.ShouldBeGreaterThan(0);
        (await cn.DutiesLineAsync("CN-C-000001", "CNY", outcome.OrderId, story.StepTimeout)).ShouldBe(-dutiesAndTaxes);
        (await cn.HubAccountAsync("DutiesCollected", "CNY")).ShouldBeGreaterThanOrEqualTo(dutiesAndTaxes);

        // Under FOB the buyer also carries the main carriage: KR billed the consignment's share of the shipment's freight
        // in KRW to CN (which owes it to KR), and CN charged it to the buyer in CNY.
        var consignment = (await kr.ConsignmentsAsync(outcome.OrderId)).ShouldHaveSingleItem();
        var freightKrw = (long)consignment["freightAmount"]!.GetValue<decimal>();
        freightKrw.ShouldBeGreaterThan(0);
        (await kr.HubAccountAsync("FreightPayable", "KRW")).ShouldBeGreaterThanOrEqualTo(freightKrw);
        var freight = await cn.FreightLineAsync("CN-C-000001", "CNY", outcome.OrderId, story.StepTimeout);
        freight.ShouldBeLessThan(0);
        var buyer = await cn.StatementAsync("CN-C-000001", "CNY");
        buyer.Lines.Where(l => l.Amount < 0).Select(l => l.Amount).Order().ShouldBe(new[] { -buyerTotal, -dutiesAndTaxes, freight }.Order(), string.Join("; ", buyer.Lines));
        buyer.Balance.ShouldBe(5_000_000 - buyerTotal - dutiesAndTaxes + freight);

        // The declarations name the buyer by the legal name it registered at CN.
        var profile = await Hubs.Cn.GetAsync(await Hubs.Cn.SignInAsync(StoryCast.Default.Buyer, ct), "/api/order/buyers/me", ct);
        (await cn.DeclarationsAsync(outcome.OrderId, "Import")).ShouldHaveSingleItem()["importer"]!.GetValue<string>()
            .ShouldBe(profile["legalName"]!.GetValue<string>());

        // The payee was screened at CN before the release, under the name it registered at KR's catalog, and cleared.
        var registered = (await Hubs.Kr.GetAsync(supplierSession, "/api/catalog/suppliers/me", ct))["name"]!.GetValue<string>();
        var escrow = await cn.EscrowAsync(outcome.OrderId);
        var screening = escrow["payeeScreening"]!;
        screening["payee"]!.GetValue<string>().ShouldBe(registered);
        screening["held"]!.GetValue<bool>().ShouldBeFalse();
        screening["listVersion"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        screening["screenedAt"]!.GetValue<DateTime>().ShouldBeLessThanOrEqualTo(escrow["releasedAt"]!.GetValue<DateTime>());

        // The supplier: the released escrow and the export VAT refund, both in KRW on KR's ledger.
        var claims = await kr.ClaimsAsync(outcome.OrderId);
        claims.Count.ShouldBe(1);
        claims[0]["state"]!.GetValue<string>().ShouldBe("Paid");
        var refund = claims[0]["refundMinorUnits"]!.GetValue<long>();
        refund.ShouldBeGreaterThan(0);
        var supplier = await kr.StatementAsync("KR-C-000002", "KRW");
        supplier.Lines.Count.ShouldBe(2, string.Join("; ", supplier.Lines));
        supplier.Lines.ShouldContain(l => l.Amount == refund);
        var settlement = supplier.Balance - refund;
        settlement.ShouldBeGreaterThan(goodsTotal * 9 / 10, "the supplier is paid the goods less at most a 10 % platform fee");
        settlement.ShouldBeLessThanOrEqualTo(goodsTotal);

        // The partner calls were signed, checked and forwarded without a warning on each in the gateways' logs.
        foreach (var hub in new[] { "KR", "CN" })
        {
            Hubs.Log(hub, "Gateway").ShouldNotContain("Unable to disable max request body size", Case.Insensitive, $"{hub}'s gateway log");
        }

        // Both ledgers balance in every currency.
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);

        // Duties at CN per CN's tariff for the goods' code, and the order carries them.
        var import = (await cn.DeclarationsAsync(outcome.OrderId, "Import")).ShouldHaveSingleItem();
        import["status"]!.GetValue<string>().ShouldBe("Cleared");
        import["currency"]!.GetValue<string>().ShouldBe("CNY");
        decimal duty = 0;
        foreach (var item in import["items"]!.AsArray())
        {
            var tariff = await cn.TariffAsync(item!["hsCode"]!.GetValue<string>());
            var line = item["taxes"]!.AsArray().Single(t => t!["type"]!.GetValue<string>() == "DUTY")!;
            var expected = tariff["dutyKind"]!.GetValue<string>() == "AdValorem"
                ? Math.Round(line["base"]!.GetValue<decimal>() * tariff["dutyRate"]!.GetValue<decimal>(), 2, MidpointRounding.AwayFromZero)
                : line["amount"]!.GetValue<decimal>();
            line["amount"]!.GetValue<decimal>().ShouldBe(expected, 0.01m, $"duty at CN's rate {tariff["dutyRate"]} for {item["hsCode"]}");
            duty += line["amount"]!.GetValue<decimal>();
        }

        import["duty"]!.GetValue<decimal>().ShouldBe(duty);
        order["dutiesAndTaxes"]!["minorUnits"]!.GetValue<long>().ShouldBe((long)Math.Round(import["totalTaxes"]!.GetValue<decimal>() * 100m));
        (await kr.DeclarationsAsync(outcome.OrderId, "Export")).ShouldHaveSingleItem()["status"]!.GetValue<string>().ShouldBe("Cleared");
        Narrate(string.Create(CultureInfo.InvariantCulture, $"Checked: buyer −{buyerTotal} CNY minor, duties and taxes −{dutiesAndTaxes} and freight {freight}, supplier +{settlement} KRW and refund {refund} KRW, CN duty {duty} CNY, both ledgers balanced."));
    });

    // The first steps of the order's timeline stream at the hub's gateway.
    private static async Task<List<string>> StreamedStepsAsync(GatewayClient hub, Session session, string orderId, int count, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = hub.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/order/orders/{orderId}/timeline/stream");
        request.Headers.Authorization = new("Bearer", session.Token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var steps = new List<string>();
        while (steps.Count < count && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                steps.Add(JsonNode.Parse(line["data: ".Length..])!["step"]!["step"]!.GetValue<string>());
            }
        }

        return steps;
    }
}
