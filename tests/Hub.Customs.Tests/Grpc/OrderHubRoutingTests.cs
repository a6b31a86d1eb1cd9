using System.Net.Http.Json;
using Hub.Contracts.Customs;
using Hub.Customs.V1;

namespace Hub.Customs.Tests.Grpc;

/// <summary>
/// The buyer's hub owns the order: what customs decides here about another hub's order is published here and sent to
/// that hub too, while a decision about this hub's own order stays on this hub's bus.
/// </summary>
public sealed class OrderHubRoutingTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    [Fact]
    public async Task Declare_ExportOfAnotherHubsOrder_PublishesExportClearedHereAndToTheOrdersHub()
    {
        var request = Requests.Declaration(DeclarationType.Export, orderId: Requests.NewOrderId("CN"));

        var reply = await host.Grpc.DeclareAsync(request);

        reply.Status.ShouldBe(DeclarationStatus.Cleared);
        (await host.EventsAsync<ExportCleared>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        var sent = (await host.EventsToHubAsync<ExportCleared>("CN")).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        sent.DeclarationId.ShouldBe(reply.DeclarationId);
        sent.Hub.ShouldBe("KR");
    }

    [Fact]
    public async Task Declare_ImportOfThisHubsOrder_StaysOnThisHubsBus()
    {
        var request = Requests.Declaration(DeclarationType.Import, orderId: Requests.NewOrderId("KR"));

        await host.Grpc.DeclareAsync(request);

        (await host.EventsAsync<ImportCleared>()).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        (await host.EventsToHubAsync<ImportCleared>("CN")).ShouldNotContain(e => e.OrderId == request.OrderId);
        (await host.EventsToHubAsync<DutiesAssessed>("CN")).ShouldNotContain(e => e.OrderId == request.OrderId);
    }

    [Fact]
    public async Task HoldThenReject_ExportOfAnotherHubsOrder_SendsBothToTheOrdersHub()
    {
        var request = Requests.Declaration(DeclarationType.Export, exporter: "HANBIT PRECISION TRADING LIMITED", orderId: Requests.NewOrderId("CN"));
        var held = await host.Grpc.DeclareAsync(request);
        using var op = host.Operator();

        (await op.PostAsJsonAsync($"/api/customs/declarations/{held.DeclarationId}/reject", new { reason = "Confirmed denied party" })).EnsureSuccessStatusCode();

        (await host.EventsToHubAsync<DeclarationHeld>("CN")).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem();
        (await host.EventsToHubAsync<DeclarationRejected>("CN")).Where(e => e.OrderId == request.OrderId).ShouldHaveSingleItem()
            .Reason.ShouldBe("Confirmed denied party");
        (await host.EventsToHubAsync<ExportCleared>("CN")).ShouldNotContain(e => e.OrderId == request.OrderId);
    }
}
