using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hub.Customs.Domain.Declarations;
using Hub.ServiceDefaults.Observability;

namespace Hub.Customs.Observability;

/// <summary>Business metrics of the Customs service, on its own meter (<c>Hub.Customs</c>).</summary>
internal sealed class CustomsMetrics
{
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _clearanceTime;

    public CustomsMetrics(ServiceMetrics metrics)
    {
        _decisions = metrics.Meter.CreateCounter<long>("hub.customs.declarations", description: "Declarations by type and the status they reached.");
        _clearanceTime = metrics.Meter.CreateHistogram<double>("hub.customs.clearance.duration", unit: "s",
            description: "From submission to clearance, automatic or released by an operator.");
    }

    public void Decided(Declaration declaration)
    {
        var tags = new TagList { { "type", declaration.Type.ToString() }, { "status", declaration.Status.ToString() } };
        _decisions.Add(1, tags);
        if (declaration is { Status: DeclarationStatus.Cleared, DecidedAt: { } decided })
        {
            _clearanceTime.Record((decided - declaration.SubmittedAt).TotalSeconds, new KeyValuePair<string, object?>("type", declaration.Type.ToString()));
        }
    }
}
