using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Escrows;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Endpoints;

/// <summary>Payments held in escrow: an SME sees those it pays or is paid by; operators see all.</summary>
internal static class EscrowEndpoints
{
    public static void MapEscrowEndpoints(this IEndpointRouteBuilder routes)
    {
        var escrows = routes.MapGroup("/api/payment/escrows").WithTags("Escrow").RequireAuthorization(HubPolicies.SmeOrOperator)
            .RequireWellFormedId("orderId", OrderId.Kind);
        escrows.MapGet("/", ListEscrows);
        escrows.MapGet("/{orderId}", GetEscrow);

        // Releases whose payee matched the denied-party list wait here for the operators' decision.
        var holds = routes.MapGroup("/api/payment/payee-holds").WithTags("Escrow").RequireAuthorization(HubPolicies.Operator)
            .RequireWellFormedId("orderId", OrderId.Kind);
        holds.MapGet("/", ListPayeeHolds);
        holds.MapPost("/{orderId}/decision", DecidePayee);
    }

    /// <summary>The operators' decision on a held payee: <c>release</c> (a false match) or <c>refund</c> (confirmed), with their reason.</summary>
    internal sealed record PayeeDecisionRequest(string? Decision, string? Note);

    private static async Task<Ok<List<EscrowResponse>>> ListPayeeHolds(EscrowDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok((await desk.HeldForPayeeAsync(200, cancellationToken)).Select(e => EscrowResponse.From(e, operators: true)).ToList());

    private static async Task<Results<Ok<EscrowResponse>, ProblemHttpResult>> DecidePayee(
        string orderId, PayeeDecisionRequest request, Caller caller, EscrowDesk desk, CancellationToken cancellationToken)
    {
        try
        {
            if (!RequestValues.TryParseName<PayeeDecision>(request.Decision, out var decision))
            {
                throw PaymentException.Invalid("decision", "The decision is release (a false match) or refund (a confirmed match).");
            }

            var note = Input.Text("note", request.Note, 500, "Give the reason for the decision, 1 to 500 characters.");
            var escrow = await desk.DecidePayeeAsync(OrderId.Parse(orderId), decision, note, caller.Subject, cancellationToken);
            return TypedResults.Ok(EscrowResponse.From(escrow, operators: true));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }

    private static async Task<Ok<List<EscrowResponse>>> ListEscrows(Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var company = caller.Company?.ToString();
        var escrows = await db.Escrows.AsNoTracking()
            .Where(e => caller.IsOperator || e.BuyerCompany == company || e.SupplierCompany == company)
            .OrderByDescending(e => e.SecuredAt).Take(200)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(escrows.Select(e => EscrowResponse.From(e, caller.IsOperator)).ToList());
    }

    private static async Task<Results<Ok<EscrowResponse>, ProblemHttpResult>> GetEscrow(string orderId, Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var escrow = await db.Escrows.AsNoTracking().SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        var company = caller.Company?.ToString();
        return escrow is not null && (caller.IsOperator || escrow.BuyerCompany == company || escrow.SupplierCompany == company)
            ? TypedResults.Ok(EscrowResponse.From(escrow, caller.IsOperator))
            : Problems.NotFound($"No payment for order {orderId}.");
    }
}

/// <summary>
/// An escrow as callers see it (<c>dutiesPaid</c>: what the import's duties took from it under DDP); the payee's
/// screening is shown to the hub's operators only.
/// </summary>
internal sealed record EscrowResponse(
    string OrderId, string BuyerCompany, string SupplierCompany, string Status, MoneyDto Paid, MoneyDto Refunded, MoneyDto DutiesPaid, MoneyDto Remaining,
    MoneyDto Settlement, Guid QuoteId, int PlatformFeeBps, DateTime SecuredAt, int AutoReleaseDays, DateTime? ShipBy, DateTime? DepartedAt,
    DateTime? ReleaseDueAt, DateTime? ReleasedAt, bool? ReleasedAutomatically, DateTime? ProtectedUntil, PayeeScreeningResponse? PayeeScreening)
{
    public static EscrowResponse From(Escrow e, bool operators) => new(
        e.OrderId, e.BuyerCompany, e.SupplierCompany, e.Status.ToString(), MoneyDto.From(e.Paid), MoneyDto.From(e.Refunded), MoneyDto.From(e.DutiesPaid),
        MoneyDto.From(e.Remaining), MoneyDto.From(e.Settlement), e.QuoteId, e.PlatformFeeBps, e.SecuredAt, e.AutoReleaseDays, e.ShipBy, e.DepartedAt,
        e.ReleaseDueAt, e.ReleasedAt, e.ReleasedAutomatically, e.ProtectedUntil, operators ? PayeeScreeningResponse.From(e) : null);
}

/// <summary>
/// The payee's screening before the release: the name screened, the best score on which list version and the listed
/// name it matched; when a hit held the release, and the operators' decision on it.
/// </summary>
internal sealed record PayeeScreeningResponse(
    string Payee, DateTime? ScreenedAt, double? Score, int? ListVersion, string? MatchedName, bool Held, DateTime? HeldAt,
    string? Decision, string? DecidedBy, DateTime? DecidedAt, string? Note)
{
    public static PayeeScreeningResponse From(Escrow e) => new(
        e.Payee, e.PayeeScreenedAt, e.PayeeScore, e.PayeeListVersion, e.PayeeMatchedName, e.PayeeHeld, e.PayeeHeldAt,
        e.PayeeDecision?.ToString(), e.PayeeDecidedBy, e.PayeeDecidedAt, e.PayeeDecisionNote);
}
