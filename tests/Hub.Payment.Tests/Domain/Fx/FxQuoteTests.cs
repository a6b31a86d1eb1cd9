using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Fx;

namespace Hub.Payment.Tests.Domain.Fx;

public sealed class FxQuoteTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly CompanyId Buyer = CompanyId.Parse("KR-C-000001");
    private static readonly OrderId Order = OrderId.Parse("KR-O-000001");

    private static FxQuote Quote() => FxQuote.Lock(Buyer,
        QuoteCalculation.For(CurrencyCode.USD, new Money(1_350_000m, CurrencyCode.KRW), QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m), 50),
        Now, TimeSpan.FromMinutes(15));

    [Fact]
    public void Use_WithinLock_MarksTheQuoteUsed()
    {
        var quote = Quote();

        quote.Use(Order, Buyer, quote.Pay, Now.AddMinutes(14));

        quote.WasUsedBy(Order).ShouldBeTrue();
    }

    [Fact]
    public void Use_AtExpiry_IsRefused()
    {
        var quote = Quote();

        Should.Throw<PaymentException>(() => quote.Use(Order, Buyer, quote.Pay, Now.AddMinutes(15))).Failure.ShouldBe(PaymentFailureReason.QuoteExpired);
        quote.UsedByOrder.ShouldBeNull();
    }

    [Fact]
    public void Use_Twice_IsRefused()
    {
        var quote = Quote();
        quote.Use(Order, Buyer, quote.Pay, Now);

        Should.Throw<PaymentException>(() => quote.Use(OrderId.Parse("KR-O-000002"), Buyer, quote.Pay, Now)).Failure.ShouldBe(PaymentFailureReason.QuoteUsed);
    }

    [Fact]
    public void Use_ByAnotherBuyer_IsRefused()
    {
        var quote = Quote();

        Should.Throw<PaymentException>(() => quote.Use(Order, CompanyId.Parse("KR-C-000002"), quote.Pay, Now)).Failure.ShouldBe(PaymentFailureReason.QuoteForeign);
    }

    [Fact]
    public void Use_WithAnotherAmount_IsRefused()
    {
        var quote = Quote();

        Should.Throw<PaymentException>(() => quote.Use(Order, Buyer, quote.Pay + new Money(0.01m, CurrencyCode.USD), Now)).Failure.ShouldBe(PaymentFailureReason.AmountMismatch);
    }
}
