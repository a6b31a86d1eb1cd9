namespace Hub.TaxRefund;

/// <summary>Settings under <c>TaxRefund</c>.</summary>
internal sealed class TaxRefundOptions
{
    /// <summary>
    /// When true (the default) the hub files a claim itself as soon as it is Ready and every invoice of the order has a
    /// rate in force; otherwise the supplier (or an operator) files it.
    /// </summary>
    public bool AutoFile { get; set; } = true;
}
