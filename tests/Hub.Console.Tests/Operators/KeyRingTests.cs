using System.Net;
using Hub.Console.Data;
using Hub.Console.Tests.Fakes;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.Console.Tests.Operators;

/// <summary>
/// The console's key ring lives in its database, each key encrypted under the hub's key-ring secret: an operator signed
/// in at one replica is signed in at every replica on that database, and stays signed in across a restart; a console on
/// another database, or under another secret, does not accept the sign-in.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyRingTests(ConsoleFixture fixture)
{
    private const string KeyRingSecret = "the-hub-kr-console-key-ring-secret-for-tests";

    [Fact]
    public async Task SignIn_AtOneReplica_IsHonouredByAnotherAndAfterARestart_NotOnAnotherDatabaseOrUnderAnotherSecret()
    {
        await using var keyRing = await TestDatabase.CreateAsync("console");
        await keyRing.MigrateAsync<ConsoleDbContext>();
        await using var otherKeyRing = await TestDatabase.CreateAsync("console");
        await otherKeyRing.MigrateAsync<ConsoleDbContext>();

        var first = Replica(keyRing);
        await using var page = await ConsolePage.OpenAsync(fixture, Address(first));
        IReadOnlyList<BrowserContextCookiesResult> cookies;
        await using (first)
        {
            await page.LogInAsync();
            page.Page.Url.ShouldNotStartWith(page.Address + "login");
            cookies = await page.Context.CookiesAsync([page.Address]);
            cookies.ShouldContain(c => c.Name == "hub-console-kr");
        }

        using (var keys = keyRing.CreateContext<ConsoleDbContext>())
        {
            var stored = keys.DataProtectionKeys.ShouldHaveSingleItem("the key the first replica signed the operator in with, in the database");
            var xml = stored.Xml.ShouldNotBeNull();
            xml.ShouldContain("encryptedSecret");
            xml.ShouldNotContain("<masterKey", Case.Sensitive, "the key's secret part is stored encrypted only");
        }

        // The first replica is gone: the second, started after it on the same database, is the restarted console.
        await using (var second = Replica(keyRing))
        {
            (await SignedInOperatorAsync(page, cookies, Address(second))).ShouldBe(FakeHub.OperatorUser);
        }

        await using (var other = Replica(otherKeyRing))
        {
            (await SignedInOperatorAsync(page, cookies, Address(other))).ShouldBeNull();
        }

        // Last: a console that cannot read the ring makes a key of its own in it.
        await using var otherSecret = Replica(keyRing, "another-key-ring-secret-of-at-least-32-characters");
        (await SignedInOperatorAsync(page, cookies, Address(otherSecret))).ShouldBeNull();
    }

    [Fact]
    public async Task KeyRingDatabase_NotMigrated_IsNotReady()
    {
        await using var keyRing = await TestDatabase.CreateAsync("console");
        await using var console = Replica(keyRing);
        using var client = new HttpClient { BaseAddress = new Uri(console.Address + "/") };

        var ready = await client.GetAsync("health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("migration(s) not applied");
    }

    private ConsoleFactory Replica(TestDatabase keyRing, string secret = KeyRingSecret)
    {
        var factory = new ConsoleFactory(fixture.Hub, fixture.VirtualHost, FakeHub.ClosedAddress(), keyRing.ConnectionString, secret);
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    [Fact]
    public void KeyRingKey_FromAMissingOrShortSecret_IsRefused()
    {
        Should.Throw<InvalidOperationException>(() => KeyRingKey.From(null)).Message.ShouldContain(KeyRingKey.Setting);
        Should.Throw<InvalidOperationException>(() => KeyRingKey.From("too-short"));
        KeyRingKey.From(KeyRingSecret).Bytes.Length.ShouldBe(32);
    }

    private static string Address(ConsoleFactory factory) => factory.Address + "/console/";

    // The operator a console shows for the browser's sign-in cookie (given to that console's address); null when the
    // console sends the browser to its login page.
    private static async Task<string?> SignedInOperatorAsync(ConsolePage page, IReadOnlyList<BrowserContextCookiesResult> cookies, string console)
    {
        await page.Context.ClearCookiesAsync();
        await page.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = console }));
        await page.GoAsync("partners", console);
        return page.Page.Url.StartsWith(console + "login", StringComparison.Ordinal) ? null : await page.Page.InnerTextAsync("#operator");
    }
}
