using System.Net.Http.Json;
using System.Text.Json;
using Hub.Console.Tests.Services;
using Hub.Customs.V1;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class DeclarationsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Declarations_AHeldExport_IsListedWithItsHoldReason_AndReleasingClearsIt()
    {
        var held = await fixture.Services.CustomsGrpc.DeclareAsync(Declaration("Orion Star Shipping SDN BHD"));
        held.Status.ShouldBe(DeclarationStatus.Held);
        var id = held.DeclarationId;
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("declarations");

        await console.ScreenshotAsync("declarations-held");
        var row = await console.Page.InnerTextAsync($"tr[data-declaration='{id}']");
        row.ShouldContain("Orion Star Shipping SDN BHD");
        (await console.Page.InnerTextAsync($"tr[data-declaration='{id}'] td.hold-reason")).ShouldBe((await DeclarationAsync(id)).GetProperty("holdReason").GetString());

        await console.Page.ClickAsync($"tr[data-declaration='{id}'] button.release");

        await console.ScreenshotAsync("declaration-released");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Released declaration {id}: it is Cleared.");
        (await console.Page.Locator($"tr[data-declaration='{id}']").CountAsync()).ShouldBe(0);
        var released = await DeclarationAsync(id);
        released.GetProperty("status").GetString().ShouldBe("Cleared");
        released.GetProperty("decidedBy").GetString().ShouldBe(Fakes.FakeHub.OperatorUser);
    }

    [Fact]
    public async Task Reject_WithoutAReason_ShowsTheServicesProblem_ThenWithOneRejects()
    {
        var held = await fixture.Services.CustomsGrpc.DeclareAsync(Declaration("Northwind Dual Use Exports"));
        held.Status.ShouldBe(DeclarationStatus.Held);
        var id = held.DeclarationId;
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();
        await console.GoAsync("declarations");

        await console.Page.ClickAsync($"tr[data-declaration='{id}'] button.reject");

        await console.ScreenshotAsync("declaration-reject-refused");
        (await console.Page.GetAttributeAsync(".problem", "data-status")).ShouldBe("400");
        (await console.Page.InnerTextAsync(".problem")).ShouldContain("A rejection needs a reason.");
        (await DeclarationAsync(id)).GetProperty("status").GetString().ShouldBe("Held");

        await console.Page.FillAsync($"tr[data-declaration='{id}'] input.reason", "End user not verified.");
        await console.Page.ClickAsync($"tr[data-declaration='{id}'] button.reject");

        await console.ScreenshotAsync("declaration-rejected");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Rejected declaration {id}: End user not verified.");
        (await DeclarationAsync(id)).GetProperty("status").GetString().ShouldBe("Rejected");
        await console.GoAsync("declarations?status=Rejected");
        (await console.Page.InnerTextAsync($"tr[data-declaration='{id}'] td.decision")).ShouldContain("End user not verified.");
    }

    [Fact]
    public async Task Declarations_BeforeADeclaration_ListsTheOlderOnes_WithALinkBackToTheFirstPage()
    {
        var first = (await fixture.Services.CustomsGrpc.DeclareAsync(Declaration("Orion Star Shipping SDN BHD"))).DeclarationId;
        var second = (await fixture.Services.CustomsGrpc.DeclareAsync(Declaration("Orion Star Shipping SDN BHD"))).DeclarationId;
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync($"declarations?status=Held&before={second}");

        (await console.Page.Locator($"tr[data-declaration='{second}']").CountAsync()).ShouldBe(0);
        (await console.Page.Locator($"tr[data-declaration='{first}']").CountAsync()).ShouldBe(1);
        (await console.Page.GetAttributeAsync("#first-page", "href")).ShouldBe("declarations?status=Held");
    }

    private async Task<JsonElement> DeclarationAsync(string id)
    {
        using var customs = HubServices.Operator(fixture.Services.Customs);
        return await customs.GetFromJsonAsync<JsonElement>($"/api/customs/declarations/{id}");
    }

    // An export whose exporter is on the seeded denied-party list, so screening holds it.
    private static DeclareRequest Declaration(string exporter) => new()
    {
        Type = DeclarationType.Export,
        Lrn = $"LRN-{Guid.NewGuid():N}",
        OrderId = HubServices.NewOrder().ToString(),
        Exporter = new Party { Name = exporter, Address = "1 Teheran-ro, Seoul", Country = "KR", TraderId = "KR-C-000001" },
        Importer = new Party { Name = "Hangzhou Bright Home Trading", Address = "8 Wensan Rd, Hangzhou", Country = "CN", TraderId = "CN-C-000009" },
        Incoterm = "FOB",
        IncotermPlace = "Busan",
        InvoiceNumber = "INV-2026-001",
        InvoiceCurrency = "USD",
        FreightMinor = 8_000,
        InsuranceMinor = 500,
        Lines =
        {
            new GoodsLine
            {
                Description = "Electric coffee makers", HsCode = "851671", Origin = "CN", Quantity = "10", Unit = "NAR", ValueMinor = 100_000,
                NetMassKg = "12.5", GrossMassKg = "14",
            },
        },
        Transport = new Transport
        {
            Mode = "sea", Conveyance = "MAERSK SEOUL 012E", ContainerIds = { "MSKU1234565" }, TransportDocument = "MAEU-123456", LoadingPlace = "KRPUS",
            UnloadingPlace = "CNSHA",
        },
    };
}
