using Grpc.Core;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;

namespace Hub.Logistics.Grpc;

internal sealed class LogisticsGrpcService(MessagingProbeRunner probes) : Logistics.V1.Logistics.LogisticsBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);
}
