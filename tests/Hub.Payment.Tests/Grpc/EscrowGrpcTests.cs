using Grpc.Core;
using Hub.Contracts.Payment;
using Hub.Payment.V1;

namespace Hub.Payment.Tests.Grpc;

/// <summary>Secure, release and refund through gRPC against real PostgreSQL and RabbitMQ.</summary>
public sealed class EscrowGrpcTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task SecureThenRelease_CrossCurrency_PostsBalancedEntriesWithCorrectBalances()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_00, "USD");
        var quote = await host.QuoteAsync(buyer, "USD", 1_350_000, "KRW");
        var secured = await host.SecureAsync(order, buyer, supplier, quote);

        secured.Replayed.ShouldBeFalse();
        (await host.WalletAsync(buyer, "USD")).ShouldBe(2_000_00 - quote.Pay.MinorUnits);
        (await host.AccountsAsync(order.ToString()))["Escrow USD"].ShouldBe(quote.Pay.MinorUnits);

        var feesBefore = (await host.AccountsAsync("KR")).GetValueOrDefault("PlatformFees KRW");
        var released = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        released.Settled.MinorUnits.ShouldBe(1_350_000);
        released.Fee.MinorUnits.ShouldBe(27_000);  // 200 bps of the seeded terms
        released.PaidToSupplier.MinorUnits.ShouldBe(1_323_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(1_323_000);
        (await host.AccountsAsync(order.ToString()))["Escrow USD"].ShouldBe(0);
        (await host.AccountsAsync(supplier.ToString()))["SupplierReceivable KRW"].ShouldBe(0);
        ((await host.AccountsAsync("KR"))["PlatformFees KRW"] - feesBefore).ShouldBe(27_000);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
        (await host.EventsAsync<PaymentSecured>(order.ToString())).Count.ShouldBe(1);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).Count.ShouldBe(1);
        (await host.EventsAsync<PayoutMade>(order.ToString())).Single().GetProperty("amountMinorUnits").GetInt64().ShouldBe(1_323_000);
    }

    [Fact]
    public async Task Release_RemainderConvertingToLessThanTheSupplierMinorUnit_GoesBackToTheBuyerWithNoZeroLine()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 200_000, "KRW");
        var quote = await host.QuoteAsync(buyer, "KRW", 100_00, "USD");
        await host.SecureAsync(order, buyer, supplier, quote);
        await host.Grpc.RefundAsync(new RefundRequest
        {
            OrderId = order.ToString(), IdempotencyKey = "lines-cancelled", Amount = new V1.Money { MinorUnits = quote.Pay.MinorUnits - 13, Currency = "KRW" },
        });

        var released = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        var again = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        quote.Pay.MinorUnits.ShouldBe(135_730);  // USD 100.00: KRW 13 of it is worth USD 0.0096
        released.Settled.MinorUnits.ShouldBe(0);
        released.PaidToSupplier.MinorUnits.ShouldBe(0);
        again.Replayed.ShouldBeTrue();
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(200_000);
        (await host.WalletAsync(supplier, "USD")).ShouldBe(0);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(0);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).Single().GetProperty("settledMinorUnits").GetInt64().ShouldBe(0);
        (await host.EventsAsync<PayoutMade>(order.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task SecureFunds_Replayed_MovesMoneyOnce()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 5_000_000, "KRW");
        var quote = await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW");

        var first = await host.SecureAsync(order, buyer, supplier, quote);
        var second = await host.SecureAsync(order, buyer, supplier, quote);

        second.Replayed.ShouldBeTrue();
        second.PostingId.ShouldBe(first.PostingId);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(4_000_000);
        (await host.PostingsAsync(order.ToString())).ShouldBe(1);
        (await host.EventsAsync<PaymentSecured>(order.ToString())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SecureFunds_ConcurrentOnOneWallet_NeverOverdraws()
    {
        var (buyer, supplier) = (Ids.Company(), Ids.Company());
        await host.CreditAsync(buyer, 100_00, "USD");
        var quotes = new List<FxQuote>();
        for (var i = 0; i < 6; i++)
        {
            quotes.Add(await host.QuoteAsync(buyer, "USD", 30_00, "USD"));
        }

        var attempts = await Task.WhenAll(quotes.Select(async q =>
        {
            try
            {
                await host.SecureAsync(Ids.Order(), buyer, supplier, q);
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        attempts.Count(s => s == StatusCode.OK).ShouldBe(3);
        attempts.Count(s => s == StatusCode.FailedPrecondition).ShouldBe(3);
        (await host.WalletAsync(buyer, "USD")).ShouldBe(10_00);
        (await host.EventsAsync<PaymentFailed>(buyer.ToString())).Count.ShouldBe(3);
    }

    [Fact]
    public async Task SecureFunds_ExpiredQuote_IsRefusedAndNothingPosted()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 10_000_00, "USD");
        var quote = await host.QuoteAsync(buyer, "USD", 1_350_000, "KRW");
        host.Clock.Advance(TimeSpan.FromMinutes(16));

        var refused = await Should.ThrowAsync<RpcException>(() => host.SecureAsync(order, buyer, supplier, quote));

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue("reason").ShouldBe("quote-expired");
        (await host.PostingsAsync(order.ToString())).ShouldBe(0);
        (await host.WalletAsync(buyer, "USD")).ShouldBe(10_000_00);
        (await host.EventsAsync<PaymentFailed>(order.ToString())).Single().GetProperty("reason").GetInt32().ShouldBe((int)PaymentFailureReason.QuoteExpired);
    }

    [Fact]
    public async Task SecureFunds_QuoteUsedByAnotherOrder_IsRefused()
    {
        var (buyer, supplier) = (Ids.Company(), Ids.Company());
        await host.CreditAsync(buyer, 10_000_000, "KRW");
        var quote = await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW");
        await host.SecureAsync(Ids.Order(), buyer, supplier, quote);
        var second = Ids.Order();

        var refused = await Should.ThrowAsync<RpcException>(() => host.SecureAsync(second, buyer, supplier, quote));

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue("reason").ShouldBe("quote-used");
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(9_000_000);
        (await host.PostingsAsync(second.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task SecureFunds_AnotherBuyersQuoteOrAnotherAmount_IsRefusedAndNothingPosted()
    {
        var (buyer, other, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 10_000_000, "KRW");
        await host.CreditAsync(other, 10_000_000, "KRW");
        var quote = await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW");

        var foreign = await Should.ThrowAsync<RpcException>(() => host.SecureAsync(order, other, supplier, quote));
        var mismatch = await Should.ThrowAsync<RpcException>(() => host.Grpc.SecureFundsAsync(new SecureFundsRequest
        {
            OrderId = order.ToString(),
            BuyerCompany = buyer.ToString(),
            SupplierCompany = supplier.ToString(),
            QuoteId = quote.QuoteId,
            Amount = new V1.Money { MinorUnits = 999_999, Currency = "KRW" },
        }).ResponseAsync);

        foreign.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        mismatch.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        mismatch.Trailers.GetValue("reason").ShouldBe("amount-mismatch");
        (await host.PostingsAsync(order.ToString())).ShouldBe(0);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(10_000_000);
        (await host.WalletAsync(other, "KRW")).ShouldBe(10_000_000);
    }

    [Theory]
    [InlineData("KR-O-000001", 0, "KRW")]
    [InlineData("KR-O-000001", -5, "KRW")]
    [InlineData("KR-O-000001", 100, "XXX")]
    [InlineData("not-an-order", 100, "KRW")]
    public async Task SecureFunds_MalformedInput_IsInvalidArgument(string order, long minorUnits, string currency)
    {
        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.SecureFundsAsync(new SecureFundsRequest
        {
            OrderId = order,
            BuyerCompany = "KR-C-000001",
            SupplierCompany = "KR-C-000002",
            QuoteId = Guid.NewGuid().ToString(),
            Amount = new V1.Money { MinorUnits = minorUnits, Currency = currency },
        }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task Release_Concurrent_ReleasesOnce()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() }).ResponseAsync));

        replies.Count(r => !r.Replayed).ShouldBe(1);
        replies.ShouldAllBe(r => r.PaidToSupplier.MinorUnits == 980_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(980_000);
        (await host.PostingsAsync("release:" + order)).ShouldBe(2);  // the release and its payout
        (await host.EventsAsync<EscrowReleased>(order.ToString())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Refund_Replayed_RefundsOnce_ThenPartialReleasePaysTheRest()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var request = new RefundRequest { OrderId = order.ToString(), IdempotencyKey = "damaged-1", Amount = new V1.Money { MinorUnits = 250_000, Currency = "KRW" } };

        var first = await host.Grpc.RefundAsync(request);
        var again = await host.Grpc.RefundAsync(request);
        var release = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        first.Replayed.ShouldBeFalse();
        again.Replayed.ShouldBeTrue();
        again.TotalRefunded.MinorUnits.ShouldBe(250_000);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(250_000);
        release.Settled.MinorUnits.ShouldBe(750_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(735_000);
        (await host.EventsAsync<PaymentRefunded>(order.ToString())).Count.ShouldBe(1);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Refund_OverWhatWasPaid_IsRefusedAndNothingPosted()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 600_000, "KRW"));

        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.RefundAsync(new RefundRequest
        {
            OrderId = order.ToString(),
            IdempotencyKey = "too-much",
            Amount = new V1.Money { MinorUnits = 600_001, Currency = "KRW" },
        }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue("reason").ShouldBe("refund-exceeds-paid");
        (await host.PostingsAsync("refund:" + order)).ShouldBe(0);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(400_000);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(600_000);
    }

    [Fact]
    public async Task Refund_AfterRelease_IsRefused()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.RefundAsync(new RefundRequest { OrderId = order.ToString(), IdempotencyKey = "late" }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await host.PostingsAsync("refund:" + order)).ShouldBe(0);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(0);
    }

    [Fact]
    public async Task Refund_UnknownOrder_IsNotFound()
    {
        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.RefundAsync(new RefundRequest { OrderId = Ids.Order().ToString(), IdempotencyKey = "x" }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task Refund_ConcurrentPartialRefundsAboveWhatWasPaid_OnlyOneIsPosted()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
        {
            try
            {
                await host.Grpc.RefundAsync(new RefundRequest { OrderId = order.ToString(), IdempotencyKey = $"claim-{i}", Amount = new V1.Money { MinorUnits = 600_000, Currency = "KRW" } });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        outcomes.Count(s => s == StatusCode.OK).ShouldBe(1);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(600_000);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(400_000);
    }

    [Fact]
    public async Task SecureFunds_SameOrderWithTwoQuotesConcurrently_SecuresOnce()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        var quotes = new[] { await host.QuoteAsync(buyer, "KRW", 300_000, "KRW"), await host.QuoteAsync(buyer, "KRW", 300_000, "KRW") };

        var outcomes = await Task.WhenAll(quotes.Select(async q =>
        {
            try
            {
                await host.SecureAsync(order, buyer, supplier, q);
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        outcomes.Count(s => s == StatusCode.OK).ShouldBe(1);
        outcomes.Count(s => s == StatusCode.AlreadyExists).ShouldBe(1);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(700_000);
        (await host.PostingsAsync(order.ToString())).ShouldBe(1);
    }
}
