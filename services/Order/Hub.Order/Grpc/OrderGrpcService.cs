using Grpc.Core;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;

namespace Hub.Order.Grpc;

internal sealed class OrderGrpcService(MessagingProbeRunner probes) : Order.V1.Order.OrderBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);
}
