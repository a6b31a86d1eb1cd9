using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Customs.V1;

namespace Hub.Customs.Tests.Grpc;

/// <summary>The hub's own services (payment, before an escrow's release) screen a party's name against the denied-party list.</summary>
public sealed class ScreenPartiesTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    [Fact]
    public async Task ScreenParties_ListedNameSpelledOtherwise_IsAHitOnTheListsVersion()
    {
        using var op = host.Operator();
        var list = await op.GetFromJsonAsync<JsonElement>("/api/customs/screening");

        var reply = await host.Grpc.ScreenPartiesAsync(new ScreenPartiesRequest { Names = { "Korea Widget Co", "ORION STAR SHIPPING SDN BHD" } });

        reply.Hit.ShouldBeTrue();
        reply.Party.ShouldBe("ORION STAR SHIPPING SDN BHD");
        reply.MatchedName.ShouldBe("Orion Star Shipping Sdn. Bhd.");
        reply.Score.ShouldBeGreaterThanOrEqualTo(reply.Threshold);
        reply.ListVersion.ShouldBe(list.GetProperty("version").GetInt32());
        reply.Threshold.ShouldBe(list.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task ScreenParties_UnlistedName_IsNoHit()
    {
        var reply = await host.Grpc.ScreenPartiesAsync(new ScreenPartiesRequest { Names = { "Daehan Coffee Roasters" } });

        reply.Hit.ShouldBeFalse();
        reply.Score.ShouldBeLessThan(reply.Threshold);
    }

    [Fact]
    public async Task ScreenParties_AfterAPartyIsListed_HitsItOnTheNewVersion()
    {
        var name = $"Pacific Gale Trading {Guid.NewGuid():N}"[..32];
        var before = await host.Grpc.ScreenPartiesAsync(new ScreenPartiesRequest { Names = { name } });
        using var op = host.Operator();
        (await op.PostAsJsonAsync("/api/customs/screening/parties", new { name, country = "KR", source = "test" })).EnsureSuccessStatusCode();

        var after = await host.Grpc.ScreenPartiesAsync(new ScreenPartiesRequest { Names = { name } });

        before.Hit.ShouldBeFalse();
        after.Hit.ShouldBeTrue();
        after.MatchedName.ShouldBe(name);
        after.ListVersion.ShouldBeGreaterThan(before.ListVersion);
    }

    [Fact]
    public async Task ScreenParties_NoNameButBlanks_IsInvalid()
    {
        var ex = await Should.ThrowAsync<RpcException>(() => host.Grpc.ScreenPartiesAsync(new ScreenPartiesRequest { Names = { " ", "" } }).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("names");
    }
}
