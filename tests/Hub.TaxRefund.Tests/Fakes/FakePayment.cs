using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Hub.Payment.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.TaxRefund.Tests.Fakes;

/// <summary>
/// The payment service's <c>Payout</c> on a real h2c Kestrel port: counts calls per reference and, like the real one,
/// pays a reference once (a repeat replays the same posting).
/// </summary>
public sealed class FakePayment : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, (PayoutRequest Request, string PostingId)> _paid = new();
    private WebApplication? _app;

    public string Address { get; private set; } = string.Empty;

    /// <summary>While set, every payout fails with this (non-transient) status and pays nothing.</summary>
    public StatusCode? FailWith { get; set; }

    public int Calls(string reference) => _calls.GetValueOrDefault(reference);

    public PayoutRequest? Paid(string reference) => _paid.TryGetValue(reference, out var paid) ? paid.Request : null;

    public static async Task<FakePayment> StartAsync()
    {
        var fake = new FakePayment();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(fake);
        builder.Services.AddSingleton<PayoutService>();
        fake._app = builder.Build();
        fake._app.MapGrpcService<PayoutService>();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Address = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    internal PayoutReply Payout(PayoutRequest request)
    {
        _calls.AddOrUpdate(request.Reference, 1, (_, n) => n + 1);
        if (FailWith is { } status)
        {
            throw new RpcException(new Status(status, "The payment service refused the payout."));
        }

        var replayed = true;
        var paid = _paid.GetOrAdd(request.Reference, _ =>
        {
            replayed = false;
            return (request, Guid.NewGuid().ToString());
        });
        return new PayoutReply { Reference = request.Reference, PostingId = paid.PostingId, Replayed = replayed };
    }

    /// <summary>Binds only <c>hub.payment.v1.Payment/Payout</c>, with the service's own generated messages (the shape Grpc.Tools generates).</summary>
    [BindServiceMethod(typeof(PayoutBase), nameof(Bind))]
    internal abstract class PayoutBase
    {
        private static readonly Method<PayoutRequest, PayoutReply> PayoutMethod = new(
            MethodType.Unary, "hub.payment.v1.Payment", "Payout",
            Marshallers.Create(r => r.ToByteArray(), PayoutRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), PayoutReply.Parser.ParseFrom));

        public static void Bind(ServiceBinderBase binder, PayoutBase? service) =>
            binder.AddMethod(PayoutMethod, service is null ? null : service.Payout);

        public virtual Task<PayoutReply> Payout(PayoutRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, "Payout"));
    }

    internal sealed class PayoutService(FakePayment fake) : PayoutBase
    {
        public override Task<PayoutReply> Payout(PayoutRequest request, ServerCallContext context) => Task.FromResult(fake.Payout(request));
    }
}
