using Grpc.Core;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;

namespace Hub.Customs.Grpc;

internal sealed class CustomsGrpcService(MessagingProbeRunner probes) : Customs.V1.Customs.CustomsBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);
}
