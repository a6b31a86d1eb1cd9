using Grpc.Core;
using Hub.Platform.V1;
using CatalogGrpc = Hub.Catalog.V1.Catalog;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>Answers Probe with a reply that only this backend gives, saying how the call reached it.</summary>
internal sealed class FakeCatalogService : CatalogGrpc.CatalogBase
{
    public const string ProbeId = "answered-by-fake-h2c-catalog";

    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        Task.FromResult(new ProbeReply
        {
            ProbeId = ProbeId,
            Hub = context.RequestHeaders.GetValue("x-correlation-id") ?? "",
            Service = context.GetHttpContext().Request.Protocol,
            Delivered = true,
            RoundTripMs = request.TimeoutMs,
        });
}
