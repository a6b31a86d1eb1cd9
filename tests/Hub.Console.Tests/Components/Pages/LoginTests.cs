using Hub.Console.Tests.Fakes;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class LoginTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Login_WrongPassword_IsRefused()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);

        await console.LogInAsync(FakeHub.OperatorUser, "not-the-password");

        await console.ScreenshotAsync("login-wrong-password");
        (await console.Page.InnerTextAsync("#login-error")).ShouldBe("Unknown user or wrong password.");
        await console.GoAsync("");
        console.Page.Url.ShouldStartWith(fixture.Console + "login");
    }

    [Fact]
    public async Task Login_SmeUser_IsRefused()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);

        await console.LogInAsync(FakeHub.SmeUser, FakeHub.SmePassword);

        await console.ScreenshotAsync("login-sme-refused");
        (await console.Page.InnerTextAsync("#login-error")).ShouldBe("Only operators of this hub may use the console.");
        await console.GoAsync("error-queues");
        console.Page.Url.ShouldStartWith(fixture.Console + "login");
    }

    [Fact]
    public async Task Login_Operator_OpensTheConsoleAndCallsTheGatewayWithTheToken()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.GoAsync("partners");
        console.Page.Url.ShouldStartWith(fixture.Console + "login");

        await console.SubmitLoginAsync();

        await console.ScreenshotAsync("login-operator");
        console.Page.Url.ShouldBe(fixture.Console + "partners");
        (await console.Page.InnerTextAsync("#operator")).ShouldBe(FakeHub.OperatorUser);
        fixture.Hub.LastAuthorization.ShouldStartWith("Bearer ey");
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.Page.ClickAsync("text=Log out");

        await console.ScreenshotAsync("logout");
        console.Page.Url.ShouldStartWith(fixture.Console + "login");
        await console.GoAsync("");
        console.Page.Url.ShouldStartWith(fixture.Console + "login");
    }
}
