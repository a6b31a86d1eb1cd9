using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hub.Payment.V1;

namespace Hub.Order.Tests.Fakes;

/// <summary>Payment at a rate of one, remembering what was secured, released and refunded.</summary>
internal sealed class FakePayment : Hub.Payment.V1.Payment.PaymentBase
{
    public ConcurrentDictionary<string, SecureFundsRequest> Secured { get; } = new();

    public ConcurrentQueue<string> Released { get; } = new();

    /// <summary>When SecureFunds and Release first arrived, by order.</summary>
    public CallTimes Asked { get; } = new();

    public ConcurrentQueue<RefundRequest> Refunds { get; } = new();

    /// <summary>Buyers whose funds are refused (FAILED_PRECONDITION, as for insufficient funds).</summary>
    public ConcurrentDictionary<string, bool> Broke { get; } = new();

    /// <summary>Released orders whose protection window has ended: their dispute is refused, as payment refuses it.</summary>
    public ConcurrentDictionary<string, bool> ProtectionEnded { get; } = new();

    /// <summary>Disputes opened through OpenDispute, by order.</summary>
    public ConcurrentDictionary<string, OpenDisputeRequest> Disputes { get; } = new();

    /// <summary>Orders whose escrow the buyer disputed at payment directly: their release is refused as payment refuses it.</summary>
    public ConcurrentDictionary<string, bool> DisputedAtPayment { get; } = new();

    /// <summary>Orders whose payee matched the denied-party list: their release is held for the operators, as payment holds it.</summary>
    public ConcurrentDictionary<string, bool> PayeeHeld { get; } = new();

    /// <summary>How long a buyer's quotes hold, where not the 15 minutes of the other buyers.</summary>
    public ConcurrentDictionary<string, TimeSpan> QuoteLifetimes { get; } = new();

    public override Task<FxQuote> QuoteFx(QuoteFxRequest request, ServerCallContext context) => Task.FromResult(new FxQuote
    {
        QuoteId = Guid.NewGuid().ToString(),
        BuyerCompany = request.BuyerCompany,
        Pay = new Money { MinorUnits = request.Settlement.MinorUnits, Currency = request.PayCurrency },
        Settlement = request.Settlement,
        Rate = "1",
        MarketRate = "1",
        ExpiresAt = Timestamp.FromDateTime(DateTime.UtcNow + QuoteLifetimes.GetValueOrDefault(request.BuyerCompany, TimeSpan.FromMinutes(15))),
        ShipWithinDays = 15,
        ProtectionDays = 30,
    });

    public override Task<SecureFundsReply> SecureFunds(SecureFundsRequest request, ServerCallContext context)
    {
        Asked.Note(nameof(SecureFunds), request.OrderId);
        if (Broke.ContainsKey(request.BuyerCompany))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "insufficient funds"));
        }

        Secured[request.OrderId] = request;
        return Task.FromResult(new SecureFundsReply { OrderId = request.OrderId, PostingId = Guid.NewGuid().ToString(), Amount = request.Amount });
    }

    public override Task<ReleaseReply> Release(ReleaseRequest request, ServerCallContext context)
    {
        Asked.Note(nameof(Release), request.OrderId);
        if (Disputes.ContainsKey(request.OrderId) || DisputedAtPayment.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "frozen by a dispute"), new Metadata { { "reason", "escrow-disputed" } });
        }

        if (PayeeHeld.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "held for the operators"), new Metadata { { "reason", "payee-held" } });
        }

        var replayed = Released.Contains(request.OrderId);
        if (!replayed)
        {
            Released.Enqueue(request.OrderId);
        }

        return Task.FromResult(new ReleaseReply { OrderId = request.OrderId, Replayed = replayed });
    }

    public override Task<RefundReply> Refund(RefundRequest request, ServerCallContext context)
    {
        Refunds.Enqueue(request);
        var secured = Secured.GetValueOrDefault(request.OrderId)?.Amount ?? new Money { Currency = "KRW" };
        return Task.FromResult(new RefundReply { OrderId = request.OrderId, Refunded = secured, TotalRefunded = secured });
    }

    public override Task<OpenDisputeReply> OpenDispute(OpenDisputeRequest request, ServerCallContext context)
    {
        if (Released.Contains(request.OrderId) && ProtectionEnded.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "The escrow was released longer ago than its protection window."), new Metadata { { "reason", "protection-ended" } });
        }

        var replayed = !Disputes.TryAdd(request.OrderId, request);
        return Task.FromResult(new OpenDisputeReply
        {
            OrderId = request.OrderId,
            Status = "Negotiating",
            NegotiationEndsAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(3)),
            Replayed = replayed,
        });
    }
}
