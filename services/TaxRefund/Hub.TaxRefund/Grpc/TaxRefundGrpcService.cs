using Grpc.Core;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;

namespace Hub.TaxRefund.Grpc;

internal sealed class TaxRefundGrpcService(MessagingProbeRunner probes) : TaxRefund.V1.TaxRefund.TaxRefundBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);
}
