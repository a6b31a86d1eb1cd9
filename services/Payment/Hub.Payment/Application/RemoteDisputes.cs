using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Payment.Domain;
using Hub.Payment.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.Payment.Application;

/// <summary>
/// Disputes of orders another hub owns (the order id names it): read and escalated at that hub's payment through its
/// gateway, this hub acting for its user's company. A supplier of this hub follows the dispute of what it sold to a
/// partner hub's buyer from here. Each call has <c>Grpc:Client:AttemptDeadline</c>.
/// </summary>
internal sealed class RemoteDisputes(PartnerChannels channels, IOptions<GrpcClientOptions> options, TimeProvider clock)
{
    public Task<DisputeView> GetAsync(OrderId order, Caller caller, CancellationToken cancellationToken) =>
        CallAsync(order, caller, (client, request, deadline) => client.GetDisputeAsync(request, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);

    public Task<DisputeView> EscalateAsync(OrderId order, Caller caller, CancellationToken cancellationToken) =>
        CallAsync(order, caller, (client, request, deadline) => client.EscalateDisputeAsync(request, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);

    /// <exception cref="PaymentException">The owning hub refused, or the caller has no such dispute there.</exception>
    /// <exception cref="RpcException">The owning hub did not answer in time.</exception>
    private async Task<DisputeView> CallAsync(
        OrderId order, Caller caller, Func<PartnerDisputes.PartnerDisputesClient, PartnerDisputeRequest, DateTime, Task<DisputeView>> call)
    {
        // Only a user of one of this hub's companies has a dispute to follow at another hub.
        if (caller.Company is not { } company || !channels.IsReachable(order.Hub))
        {
            throw PaymentException.NotFound("dispute", order.ToString());
        }

        var request = new PartnerDisputeRequest { OrderId = order.ToString(), Company = company.ToString(), Actor = caller.Subject };
        try
        {
            return await call(new PartnerDisputes.PartnerDisputesClient(channels.For(order.Hub)), request, clock.GetUtcNow().UtcDateTime + options.Value.AttemptDeadline);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            throw PaymentException.NotFound("dispute", order.ToString());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.InvalidArgument)
        {
            var kind = ex.StatusCode switch
            {
                StatusCode.InvalidArgument => PaymentErrorKind.Invalid,
                StatusCode.AlreadyExists => PaymentErrorKind.Conflict,
                _ => PaymentErrorKind.Refused,
            };
            throw new PaymentException(kind, ex.Trailers.GetValue("reason") ?? "refused", ex.Status.Detail);
        }
    }
}
