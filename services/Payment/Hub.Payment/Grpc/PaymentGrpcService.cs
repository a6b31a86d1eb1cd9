using Grpc.Core;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Probes;

namespace Hub.Payment.Grpc;

internal sealed class PaymentGrpcService(MessagingProbeRunner probes) : Payment.V1.Payment.PaymentBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);
}
