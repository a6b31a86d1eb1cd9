using Hub.Contracts.Values;
using Hub.TaxRefund.Domain;

namespace Hub.TaxRefund.Tests.Domain;

public sealed class RefundCalculatorTests
{
    [Fact]
    public void Calculate_DomainVectorCny11300At13PercentRefund9_Refund900Cost400()
    {
        var line = RefundCalculator.Calculate(new Money(11_300m, CurrencyCode.CNY), vatRate: 0.13m, refundRate: 0.09m);

        line.Net.ShouldBe(new Money(10_000.00m, CurrencyCode.CNY));
        line.Refund.ShouldBe(new Money(900.00m, CurrencyCode.CNY));
        line.Cost.ShouldBe(new Money(400.00m, CurrencyCode.CNY));
        line.Refund.ToMinorUnits().ShouldBe(90_000);
    }

    [Fact]
    public void Calculate_KoreanZeroRatingFullRefund_NoCost()
    {
        var line = RefundCalculator.Calculate(new Money(1_100_000m, CurrencyCode.KRW), vatRate: 0.10m, refundRate: 0.10m);

        line.Net.Amount.ShouldBe(1_000_000m);
        line.Refund.Amount.ShouldBe(100_000m);
        line.Cost.Amount.ShouldBe(0m);
    }

    [Fact]
    public void Calculate_NetWithFractionOfMinorUnit_RoundsHalfAwayFromZeroPerLine()
    {
        // 100.00 / 1.13 = 88.4955… → 88.50; × 0.13 = 11.505 → 11.51 (half away from zero, not banker's 11.50).
        var line = RefundCalculator.Calculate(new Money(100.00m, CurrencyCode.CNY), 0.13m, 0.13m);

        line.Net.Amount.ShouldBe(88.50m);
        line.Refund.Amount.ShouldBe(11.51m);
        line.Cost.Amount.ShouldBe(0.00m);
    }

    [Fact]
    public void Calculate_KrwHasNoMinorUnit_RoundsToWholeWon()
    {
        var line = RefundCalculator.Calculate(new Money(1_000m, CurrencyCode.KRW), 0.10m, 0.10m);

        line.Net.Amount.ShouldBe(909m);
        line.Refund.Amount.ShouldBe(91m);
    }

    [Fact]
    public void Calculate_ZeroRefundRate_WholeVatIsCost()
    {
        var line = RefundCalculator.Calculate(new Money(11_300m, CurrencyCode.CNY), 0.13m, 0m);

        line.Refund.Amount.ShouldBe(0m);
        line.Cost.Amount.ShouldBe(1_300.00m);
    }

    [Fact]
    public void Calculate_RefundRateAboveLevy_RefundsNoMoreThanTheVatPaid()
    {
        var line = RefundCalculator.Calculate(new Money(10_900m, CurrencyCode.CNY), 0.09m, 0.13m);

        line.Refund.Amount.ShouldBe(900.00m);
        line.RefundRate.ShouldBe(0.09m);
        line.Cost.Amount.ShouldBe(0m);
    }

    [Fact]
    public void Calculate_PartialShipments_ApportionTheInvoiceByQuantityAndAddUpToTheWhole()
    {
        var invoice = new Money(11_300m, CurrencyCode.CNY);

        var first = RefundCalculator.Calculate(invoice, 0.13m, 0.09m, invoicedQuantity: 100, shippedQuantity: 40);
        var second = RefundCalculator.Calculate(invoice, 0.13m, 0.09m, invoicedQuantity: 100, shippedQuantity: 60);

        first.Net.Amount.ShouldBe(4_000.00m);
        first.Refund.Amount.ShouldBe(360.00m);
        first.Cost.Amount.ShouldBe(160.00m);
        second.Refund.Amount.ShouldBe(540.00m);
        (first.Refund + second.Refund).Amount.ShouldBe(900.00m);
        (first.Cost + second.Cost).Amount.ShouldBe(400.00m);
    }

    [Fact]
    public void Calculate_PartialShipmentOfThirds_RoundsEachConsignment()
    {
        var third = RefundCalculator.Calculate(new Money(100.00m, CurrencyCode.CNY), 0.13m, 0.13m, invoicedQuantity: 3, shippedQuantity: 1);

        // 33.333… → gross 33.33 → net 29.50 → refund 3.835 → 3.84.
        third.Net.Amount.ShouldBe(29.50m);
        third.Refund.Amount.ShouldBe(3.84m);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 11)]
    [InlineData(10, -1)]
    public void Calculate_ShippedQuantityOutsideTheInvoice_Refused(int invoiced, int shipped) =>
        Should.Throw<TaxRefundException>(() => RefundCalculator.Calculate(new Money(100m, CurrencyCode.CNY), 0.13m, 0.09m, invoiced, shipped))
            .Field.ShouldBe("quantity");
}
