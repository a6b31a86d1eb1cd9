using System.Collections.Concurrent;
using Grpc.Core;
using Hub.Customs.V1;

namespace Hub.Order.Tests.Fakes;

/// <summary>Customs charging 8% of the goods value, remembering every declaration lodged.</summary>
internal sealed class FakeCustoms : Hub.Customs.V1.Customs.CustomsBase
{
    public ConcurrentQueue<DeclareRequest> Declarations { get; } = new();

    public ConcurrentQueue<WithdrawDeclarationRequest> Withdrawals { get; } = new();

    /// <summary>When each type of declaration was first lodged, by order (the call named by the type: Export, Import).</summary>
    public CallTimes Asked { get; } = new();

    /// <summary>Orders whose declarations are lodged but whose answers are lost (the caller sees UNAVAILABLE).</summary>
    public ConcurrentDictionary<string, bool> AnswerLost { get; } = new();

    public override Task<LandedCostReply> PreviewLandedCost(PreviewLandedCostRequest request, ServerCallContext context)
    {
        var total = request.Lines.Sum(l => l.ValueMinor) * 8 / 100;
        return Task.FromResult(new LandedCostReply { Currency = "KRW", Total = new Amount { MinorUnits = total, Currency = "KRW" } });
    }

    public override Task<DeclarationReply> Declare(DeclareRequest request, ServerCallContext context)
    {
        Declarations.Enqueue(request);
        Asked.Note(request.Type.ToString(), request.OrderId);
        if (AnswerLost.ContainsKey(request.OrderId))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The answer was lost on its way back."));
        }

        return Task.FromResult(new DeclarationReply
        {
            DeclarationId = $"{request.OrderId}-{request.Type}",
            Type = request.Type,
            Status = DeclarationStatus.Submitted,
            Lrn = request.Lrn,
            OrderId = request.OrderId,
        });
    }

    public override Task<DeclarationReply> Withdraw(WithdrawDeclarationRequest request, ServerCallContext context)
    {
        if (!Declarations.Any(d => d.OrderId == request.OrderId && d.Type == request.Type))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Order {request.OrderId} has no {request.Type} declaration."));
        }

        Withdrawals.Enqueue(request);
        return Task.FromResult(new DeclarationReply
        {
            DeclarationId = $"{request.OrderId}-{request.Type}",
            Type = request.Type,
            Status = DeclarationStatus.Withdrawn,
            OrderId = request.OrderId,
            WithdrawalReason = request.Reason,
        });
    }
}
