using Hub.Contracts.Values;

namespace Hub.ServiceDefaults.Hosting;

/// <summary>Which hub this process belongs to and which service it is.</summary>
/// <param name="Hub">The hub (an ISO 3166-1 alpha-2 code, e.g. KR).</param>
/// <param name="Service">The service's kebab-case name, e.g. <c>tax-refund</c>; it names REST paths and queues.</param>
public sealed record ServiceIdentity(HubId Hub, string Service)
{
    /// <summary>The Pascal-case name, e.g. <c>TaxRefund</c>: the <c>Services:&lt;Name&gt;</c> configuration key.</summary>
    public string ConfigurationName { get; } = string.Concat(Service.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>The name used for telemetry resources and meters, e.g. <c>Hub.TaxRefund</c>.</summary>
    public string QualifiedName => "Hub." + ConfigurationName;
}
