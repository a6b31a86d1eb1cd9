namespace Hub.TaxRefund.Tests;

/// <summary>The service with automatic filing on, as deployed by default.</summary>
public sealed class AutoFilingHost : TaxRefundHost
{
    protected override bool AutoFile => true;
}
