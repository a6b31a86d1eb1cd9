extern alias payment;

using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Console.Tests.Services;
using payment::Hub.Payment.V1;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class PayeeHoldsTests(ConsoleFixture fixture)
{
    // On the hub's seeded denied-party list; the hub's customs screens payees before payment releases their escrow.
    private const string ListedPayee = "Hanbit Precision Trading Co., Ltd.";

    [Fact]
    public async Task PayeeHolds_AReleaseTheScreeningHeld_IsListed_AndReleasedWithTheOperatorsReason()
    {
        var order = await HeldReleaseAsync(750_000);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("payee-holds");

        await console.ScreenshotAsync("payee-holds");
        var row = $"tr[data-order='{order}']";
        (await console.Page.InnerTextAsync($"{row} td.payee")).ShouldBe(ListedPayee);
        (await console.Page.InnerTextAsync($"{row} td.match")).ShouldContain("Hanbit Precision Trading Co., Ltd.");
        (await console.Page.InnerTextAsync($"{row} td.held")).ShouldStartWith("KRW 750,000");

        // Without a reason: the payment service refuses, and nothing is decided.
        await console.Page.SelectOptionAsync($"{row} select.decision", "release");
        await console.Page.ClickAsync($"{row} button.decide");
        (await console.Page.GetAttributeAsync(".problem", "data-status")).ShouldBe("400");
        (await console.Page.InnerTextAsync(".problem")).ShouldContain("note");
        (await EscrowAsync(order)).GetProperty("status").GetString().ShouldBe("Secured");

        await console.Page.SelectOptionAsync($"{row} select.decision", "release");
        await console.Page.FillAsync($"{row} input.note", "a namesake: registry number differs");
        await console.Page.ClickAsync($"{row} button.decide");

        await console.ScreenshotAsync("payee-hold-decided");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Decided the payee of order {order}: Release; the escrow is Released.");
        (await console.Page.Locator(row).CountAsync()).ShouldBe(0);
        var screening = (await EscrowAsync(order)).GetProperty("payeeScreening");
        screening.GetProperty("note").GetString().ShouldBe("a namesake: registry number differs");
        screening.GetProperty("decidedBy").GetString().ShouldNotBeNullOrEmpty();
    }

    // Secures an escrow paid to the listed payee and asks for its release, which the real customs screening holds.
    private async Task<string> HeldReleaseAsync(long krw)
    {
        var services = fixture.Services;
        var (order, _, _) = await services.SecureEscrowAsync(krw, ListedPayee);
        var held = await Should.ThrowAsync<RpcException>(() => services.PaymentGrpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() }).ResponseAsync);
        held.Trailers.GetValue("reason").ShouldBe("payee-held");
        return order.ToString();
    }

    private async Task<JsonElement> EscrowAsync(string order)
    {
        using var op = HubServices.Operator(fixture.Services.Payment);
        return await op.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
    }
}
