using Hub.Contracts.Values;

namespace Hub.TaxRefund.Domain;

/// <summary>One goods line's refund: the VAT-exclusive purchase, the refund and the non-refundable gap (a cost).</summary>
internal sealed record RefundLine(Money Net, Money Refund, Money Cost, decimal VatRate, decimal RefundRate);

/// <summary>
/// Export VAT refund arithmetic. Refund = VAT-exclusive purchase × refund rate; the gap (levy rate − refund rate) × net
/// is a cost. Rounding rule (<see cref="Rule"/>): every amount of a line is rounded half away from zero to the currency's
/// minor units — the apportioned gross, the net, the refund and the cost — and a claim is the sum of its rounded lines.
/// </summary>
internal static class RefundCalculator
{
    public const MoneyRounding Rounding = MoneyRounding.HalfUp;

    public const string Rule = "per line, half away from zero to the currency's minor units; claim = sum of lines";

    /// <summary>The refund of <paramref name="shippedQuantity"/> of an invoice line of <paramref name="invoicedQuantity"/>.</summary>
    public static RefundLine Calculate(Money grossInclVat, decimal vatRate, decimal refundRate, decimal invoicedQuantity, decimal shippedQuantity)
    {
        if (invoicedQuantity <= 0 || shippedQuantity < 0 || shippedQuantity > invoicedQuantity)
        {
            throw TaxRefundException.Invalid("quantity", "The shipped quantity must be between zero and the invoiced quantity.");
        }

        var gross = shippedQuantity == invoicedQuantity ? grossInclVat : (grossInclVat * shippedQuantity / invoicedQuantity).Round(Rounding);
        return Calculate(gross, vatRate, refundRate);
    }

    /// <summary>The refund of a whole VAT-inclusive purchase.</summary>
    public static RefundLine Calculate(Money grossInclVat, decimal vatRate, decimal refundRate)
    {
        if (vatRate is < 0m or > 1m)
        {
            throw TaxRefundException.Invalid("vatRate", "The VAT rate is a fraction between 0 and 1.");
        }

        if (refundRate is < 0m or > 1m)
        {
            throw TaxRefundException.Invalid("refundRate", "The refund rate is a fraction between 0 and 1.");
        }

        var net = (grossInclVat / (1m + vatRate)).Round(Rounding);
        var refundable = Math.Min(refundRate, vatRate);
        var refund = (net * refundable).Round(Rounding);
        var cost = (net * (vatRate - refundable)).Round(Rounding);
        return new RefundLine(net, refund, cost, vatRate, refundable);
    }
}
