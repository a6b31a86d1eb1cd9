using Grpc.Core;
using Hub.ServiceDefaults.Grpc;

namespace Hub.ServiceDefaults.Tests.Grpc;

public sealed class StatusDetailLimitTests
{
    [Fact]
    public async Task RefusalQuotingALongRequest_MessageCutWithTheRestCounted_StatusAndTrailersKept()
    {
        var detail = "lines[0].product_id: no product " + new string('x', 100_000);
        var limit = new StatusDetailLimit();

        var refused = await Should.ThrowAsync<RpcException>(() => limit.UnaryServerHandler<string, string>(
            "request", null!, (_, _) => throw new RpcException(new Status(StatusCode.NotFound, detail), new Metadata { { "field", "lines" } })));

        refused.StatusCode.ShouldBe(StatusCode.NotFound);
        refused.Status.Detail.ShouldStartWith(detail[..StatusDetailLimit.MaxDetailLength]);
        refused.Status.Detail.ShouldEndWith($"… ({detail.Length - StatusDetailLimit.MaxDetailLength} more characters)");
        refused.Trailers.GetValue("field").ShouldBe("lines");
    }

    [Fact]
    public async Task ShortRefusal_PassesUnchanged()
    {
        var original = new RpcException(new Status(StatusCode.InvalidArgument, "quantity: at least 1."));

        var refused = await Should.ThrowAsync<RpcException>(() => new StatusDetailLimit().UnaryServerHandler<string, string>(
            "request", null!, (_, _) => throw original));

        refused.ShouldBeSameAs(original);
    }
}
