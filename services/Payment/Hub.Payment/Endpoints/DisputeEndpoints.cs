using Grpc.Core;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Disputes;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Payment.Endpoints;

/// <summary>
/// Disputes of an order's funds, held or released within the protection window: opened by the buyer, escalated by buyer
/// or supplier after the negotiation period, decided by operators (refund, partial refund, release). Others get 404.
/// </summary>
internal static class DisputeEndpoints
{
    public static void MapDisputeEndpoints(this IEndpointRouteBuilder routes)
    {
        var dispute = routes.MapGroup("/api/payment/escrows/{orderId}/dispute").WithTags("Disputes").RequireWellFormedId("orderId", OrderId.Kind);
        dispute.MapPost("/", OpenDispute).RequireAuthorization(HubPolicies.Sme);
        dispute.MapGet("/", GetDispute).RequireAuthorization(HubPolicies.SmeOrOperator);
        dispute.MapPost("/escalation", EscalateDispute).RequireAuthorization(HubPolicies.SmeOrOperator);
        dispute.MapPost("/decision", DecideDispute).RequireAuthorization(HubPolicies.Operator);
        routes.MapGet("/api/payment/disputes", ListUndecided).WithTags("Disputes").RequireAuthorization(HubPolicies.Operator);
    }

    // The operators' work list: the disputes not decided yet, with their escrows.
    private static async Task<Ok<List<UndecidedDisputeResponse>>> ListUndecided(DisputeDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok((await desk.UndecidedAsync(200, cancellationToken))
            .Select(d => new UndecidedDisputeResponse(DisputeResponse.From(d.Dispute), EscrowResponse.From(d.Escrow, operators: true))).ToList());

    private static async Task<Results<Created<DisputeResponse>, Ok<DisputeResponse>, ProblemHttpResult>> OpenDispute(
        string orderId, OpenDisputeRequest request, Caller caller, DisputeDesk desk, CancellationToken cancellationToken)
    {
        try
        {
            var (dispute, replayed) = await desk.OpenAsync(ParseOrder(orderId), caller.Company?.ToString(), request.Reason, cancellationToken);
            return replayed
                ? TypedResults.Ok(DisputeResponse.From(dispute))
                : TypedResults.Created($"/api/payment/escrows/{orderId}/dispute", DisputeResponse.From(dispute));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }

    // A dispute of an order another hub owns (a sale of this hub's supplier there) is read and escalated at that hub.
    private static Task<Results<Ok<DisputeResponse>, ProblemHttpResult>> GetDispute(
        string orderId, Caller caller, ServiceIdentity identity, DisputeDesk desk, RemoteDisputes remote, CancellationToken cancellationToken) =>
        AtOwningHubAsync(orderId, identity,
            async order => DisputeResponse.From(await desk.VisibleAsync(order, caller, cancellationToken)),
            async order => DisputeResponse.From(await remote.GetAsync(order, caller, cancellationToken)));

    private static Task<Results<Ok<DisputeResponse>, ProblemHttpResult>> EscalateDispute(
        string orderId, Caller caller, ServiceIdentity identity, DisputeDesk desk, RemoteDisputes remote, CancellationToken cancellationToken) =>
        AtOwningHubAsync(orderId, identity,
            async order => DisputeResponse.From(await desk.EscalateAsync(order, caller, cancellationToken)),
            async order => DisputeResponse.From(await remote.EscalateAsync(order, caller, cancellationToken)));

    private static async Task<Results<Ok<DisputeResponse>, ProblemHttpResult>> AtOwningHubAsync(
        string orderId, ServiceIdentity identity, Func<OrderId, Task<DisputeResponse>> here, Func<OrderId, Task<DisputeResponse>> elsewhere)
    {
        try
        {
            var order = ParseOrder(orderId);
            return TypedResults.Ok(order.Hub == identity.Hub ? await here(order) : await elsewhere(order));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
        catch (RpcException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: $"Hub {OrderId.Parse(orderId).Hub} did not answer.", detail: ex.Status.Detail);
        }
    }

    private static async Task<Results<Ok<DisputeResponse>, ProblemHttpResult>> DecideDispute(
        string orderId, DecisionRequest request, Caller caller, DisputeDesk desk, CancellationToken cancellationToken)
    {
        try
        {
            if (!RequestValues.TryParseName<DisputeDecision>(request.Decision?.Replace("-", "", StringComparison.Ordinal), out var decision))
            {
                throw PaymentException.Invalid("decision", "The decision is one of refund, partial-refund, release.");
            }

            Money? refund = request.Refund is null ? null : Input.Amount("refund", request.Refund.MinorUnits, request.Refund.Currency);
            return TypedResults.Ok(DisputeResponse.From(await desk.DecideAsync(ParseOrder(orderId), decision, refund, caller, cancellationToken)));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            // A decision that releases funds screens the payee at the hub's customs first.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The payee's screening did not answer",
                detail: $"Customs did not screen the payee before the release: {ex.Status.Detail} Nothing was decided; decide again shortly.");
        }
    }

    // Checked well-formed by the group's filter.
    private static OrderId ParseOrder(string orderId) => OrderId.Parse(orderId);

}

internal sealed record OpenDisputeRequest(string? Reason);

/// <summary>A dispute not decided yet, with the escrow it is about.</summary>
internal sealed record UndecidedDisputeResponse(DisputeResponse Dispute, EscrowResponse Escrow);

/// <summary>The operator's decision: <c>refund</c>, <c>partial-refund</c> (with the refund amount) or <c>release</c>.</summary>
internal sealed record DecisionRequest(string? Decision, MoneyDto? Refund);

internal sealed record DisputeResponse(
    string OrderId, string BuyerCompany, string SupplierCompany, string Reason, string Status, DateTime OpenedAt, DateTime NegotiationEndsAt,
    DateTime? EscalatedAt, string? Decision, DateTime? ResolvedAt, string? DecidedBy = null, string? Resolution = null)
{
    public static DisputeResponse From(V1.DisputeView d) => new(
        d.OrderId, d.BuyerCompany, d.SupplierCompany, d.Reason, d.Status, d.OpenedAt.ToDateTime(), d.NegotiationEndsAt.ToDateTime(),
        d.EscalatedAt?.ToDateTime(), d.Decision.Length == 0 ? null : d.Decision, d.ResolvedAt?.ToDateTime());

    public static DisputeResponse From(Dispute d) => new(
        d.OrderId, d.BuyerCompany, d.SupplierCompany, d.Reason, d.Status.ToString(), d.OpenedAt, d.NegotiationEndsAt,
        d.EscalatedAt, d.Decision?.ToString(), d.ResolvedAt, d.DecidedBy, d.Resolution);
}
