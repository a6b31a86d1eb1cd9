using Grpc.Core;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;

namespace Hub.Catalog.Grpc;

internal sealed class CatalogGrpcService(MessagingProbeRunner probes) : Catalog.V1.Catalog.CatalogBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);
}
