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
/// partner hub's buyer from here, and this hub's operators read it (that hub's operators decide it). Each call has
/// <c>Grpc:Client:AttemptDeadline</c>, retries included.
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
        // A user of one of this hub's companies follows its own dispute at another hub; this hub's operators follow
        // those of all its companies.
        if ((caller.Company is null && !caller.IsOperator) || !channels.IsReachable(order.Hub))
        {
            throw PaymentException.NotFound("dispute", order.ToString());
        }

        var request = caller.Company is { } company
            ? new PartnerDisputeRequest { OrderId = order.ToString(), Company = company.ToString(), Actor = caller.Subject }
            : new PartnerDisputeRequest { OrderId = order.ToString(), Operators = true, Actor = caller.Subject };
        try
        {
            return await call(new PartnerDisputes.PartnerDisputesClient(channels.For(order.Hub)), request, clock.GetUtcNow().UtcDateTime + options.Value.AttemptDeadline);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound || (ex.StatusCode is StatusCode.PermissionDenied && !request.Operators))
        {
            throw PaymentException.NotFound("dispute", order.ToString());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied)
        {
            // This hub's operators read the dispute there but do not act on it: that hub's operators decide.
            throw new PaymentException(PaymentErrorKind.Refused, ex.Trailers.GetValue("reason") ?? "decided-there", ex.Status.Detail);
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
