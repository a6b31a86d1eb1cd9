using Grpc.Core;
using Hub.Contracts.Payment;
using Hub.Payment.V1;

namespace Hub.Payment.Tests.Grpc;

public sealed class PayoutGrpcTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Payout_Replayed_PaysOnce()
    {
        var payee = Ids.Company();
        var reference = "KR-CL-" + Guid.NewGuid().ToString("N");
        var request = new PayoutRequest { Reference = reference, PayeeCompany = payee.ToString(), Amount = new V1.Money { MinorUnits = 90_000, Currency = "KRW" } };

        var first = await host.Grpc.PayoutAsync(request);
        var again = await host.Grpc.PayoutAsync(request);

        first.Replayed.ShouldBeFalse();
        again.Replayed.ShouldBeTrue();
        again.PostingId.ShouldBe(first.PostingId);
        (await host.WalletAsync(payee, "KRW")).ShouldBe(90_000);
        (await host.EventsAsync<PayoutMade>(reference)).Count.ShouldBe(1);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Payout_SameReferenceOtherAmount_IsRefused()
    {
        var payee = Ids.Company();
        var reference = "KR-CL-" + Guid.NewGuid().ToString("N");
        await host.Grpc.PayoutAsync(new PayoutRequest { Reference = reference, PayeeCompany = payee.ToString(), Amount = new V1.Money { MinorUnits = 100, Currency = "USD" } });

        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.PayoutAsync(new PayoutRequest
        {
            Reference = reference,
            PayeeCompany = payee.ToString(),
            Amount = new V1.Money { MinorUnits = 200, Currency = "USD" },
        }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        (await host.WalletAsync(payee, "USD")).ShouldBe(100);
    }

    [Fact]
    public async Task Payout_BeyondTheLargestAmountOrWithoutOne_IsInvalidArgumentAndPaysNothing()
    {
        var payee = Ids.Company();
        PayoutRequest Request(V1.Money? amount) => new() { Reference = "KR-CL-" + Guid.NewGuid().ToString("N"), PayeeCompany = payee.ToString(), Amount = amount };

        var beyond = await Should.ThrowAsync<RpcException>(() => host.Grpc.PayoutAsync(Request(new V1.Money { MinorUnits = long.MaxValue, Currency = "KRW" })).ResponseAsync);
        var missing = await Should.ThrowAsync<RpcException>(() => host.Grpc.PayoutAsync(Request(null)).ResponseAsync);

        beyond.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        beyond.Trailers.GetValue("reason").ShouldBe("invalid-amount");
        missing.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        missing.Status.Detail.ShouldBe("The field amount is required.");
        (await host.WalletAsync(payee, "KRW")).ShouldBe(0);
    }

    [Fact]
    public async Task Payout_ZeroAmount_IsInvalidArgument()
    {
        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.PayoutAsync(new PayoutRequest
        {
            Reference = "r",
            PayeeCompany = Ids.Company().ToString(),
            Amount = new V1.Money { MinorUnits = 0, Currency = "USD" },
        }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }
}
