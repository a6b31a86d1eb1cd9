using System.Diagnostics.Metrics;
using Hub.ServiceDefaults.Hosting;

namespace Hub.ServiceDefaults.Observability;

/// <summary>The service's own meter (<c>Hub.Catalog</c>, …) for business metrics; exported with the standard ones.</summary>
public sealed class ServiceMetrics
{
    /// <summary>Creates the service meter.</summary>
    public ServiceMetrics(IMeterFactory meters, ServiceIdentity identity)
    {
        Meter = meters.Create(identity.QualifiedName);
    }

    /// <summary>The meter business instruments are created on.</summary>
    public Meter Meter { get; }
}
