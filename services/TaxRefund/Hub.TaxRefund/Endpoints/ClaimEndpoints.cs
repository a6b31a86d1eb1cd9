using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Endpoints;

/// <summary>One item of a claim's evidence checklist.</summary>
internal sealed record EvidenceItem(string Name, bool Received, DateTime? At, string? Reference);

/// <summary>
/// A refund claim on the wire. Amounts are integer minor units of <see cref="Currency"/>, null until filed; rates and
/// the rounding rule are recorded with them.
/// </summary>
internal sealed record ClaimResponse(
    string Id, string OrderId, string? ConsignmentId, string Hub, string? SupplierCompany, string State, DateOnly ExportDate, IReadOnlyList<EvidenceItem> Evidence,
    string? Currency, long? PurchaseNetMinorUnits, long? RefundMinorUnits, long? CostMinorUnits, string? RoundingRule,
    DateTime OpenedAt, DateTime? FiledAt, string? FiledBy, DateTime? DecidedAt, string? RejectionReason, DateTime? PaidAt, string? PayoutPostingId);

internal sealed record RejectRequest(string? Reason);

/// <summary>Claims: suppliers see and file their own (others are 404); operators see the backlog and decide.</summary>
internal static class ClaimEndpoints
{
    /// <summary>Claims in a page when the caller names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 50;

    /// <summary>The most claims a page holds.</summary>
    private const int MaxPageSize = 200;

    public static void MapClaimEndpoints(this IEndpointRouteBuilder routes)
    {
        var claims = routes.MapGroup("/api/tax-refund/claims").WithTags("Refund claims")
            .RequireWellFormedId("id", ClaimId.Kind);
        claims.MapGet("/", List).RequireAuthorization(HubPolicies.SmeOrOperator);
        claims.MapGet("/{id}", Get).RequireAuthorization(HubPolicies.SmeOrOperator);
        claims.MapPost("/{id}/file", File).RequireAuthorization(HubPolicies.SmeOrOperator);
        claims.MapPost("/{id}/approve", Approve).RequireAuthorization(HubPolicies.Operator);
        claims.MapPost("/{id}/reject", Reject).RequireAuthorization(HubPolicies.Operator);
        claims.MapPost("/{id}/pay", Pay).RequireAuthorization(HubPolicies.Operator);
    }

    /// <summary>
    /// A page of the claims the caller sees, oldest first: at most <c>limit</c> (<see cref="DefaultPageSize"/> when absent,
    /// 1 to <see cref="MaxPageSize"/>, else a 400), after the claim <c>after</c> (the previous page's last one).
    /// </summary>
    private static async Task<Results<Ok<List<ClaimResponse>>, ProblemHttpResult>> List(
        string? state, string? orderId, string? after, int? limit, Caller caller, TaxRefundDbContext db, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryPageSize(limit, DefaultPageSize, MaxPageSize, out var take))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["limit"] = [RequestValues.PageSizeRule(MaxPageSize)] });
        }

        var visible = db.Claims.AsNoTracking();
        if (!caller.IsOperator)
        {
            var company = caller.Company!.Value.ToString();
            visible = visible.Where(c => c.SupplierCompany == company);
        }

        var query = visible;
        if (!string.IsNullOrEmpty(after))
        {
            // Keyed on the list's order rather than an offset: claims decided meanwhile do not shift the next page.
            var mark = await visible.Where(c => c.Id == after).Select(c => new { c.OpenedAt, c.Id }).SingleOrDefaultAsync(cancellationToken);
            if (mark is null)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["after"] = [$"'{after}' is not a claim of this list; pass the id of the previous page's last claim."] });
            }

            query = query.Where(c => c.OpenedAt > mark.OpenedAt || (c.OpenedAt == mark.OpenedAt && string.Compare(c.Id, mark.Id) > 0));
        }

        if (!string.IsNullOrEmpty(orderId))
        {
            query = query.Where(c => c.OrderId == orderId);
        }

        if (!string.IsNullOrEmpty(state))
        {
            if (!RequestValues.TryParseName<ClaimState>(state, out var wanted))
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["state"] = [$"'{state}' is not one of {string.Join(", ", Enum.GetNames<ClaimState>())}."] });
            }

            query = query.Where(c => c.State == wanted);
        }

        var claims = await query.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(claims.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Get(string id, Caller caller, TaxRefundDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(id, caller, db, cancellationToken) is { } claim ? TypedResults.Ok(ToResponse(claim)) : Problems.NotFound($"No claim {id}.");

    private static Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> File(
        string id, Caller caller, TaxRefundDbContext db, ClaimDesk desk, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, claim => desk.FileAsync(claim, caller.Subject, cancellationToken), cancellationToken);

    private static Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Approve(
        string id, Caller caller, TaxRefundDbContext db, ClaimDesk desk, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, claim => desk.ApproveAsync(claim, caller.Subject, cancellationToken), cancellationToken);

    private static Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Reject(
        string id, RejectRequest request, Caller caller, TaxRefundDbContext db, ClaimDesk desk, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, claim => desk.RejectAsync(claim, request.Reason ?? string.Empty, caller.Subject, cancellationToken), cancellationToken);

    private static Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Pay(
        string id, Caller caller, TaxRefundDbContext db, ClaimDesk desk, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, claim => desk.PayAsync(claim, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> ActAsync(
        string id, Caller caller, TaxRefundDbContext db, Func<RefundClaim, Task<RefundClaim>> act, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, caller, db, cancellationToken, tracked: true) is not { } claim)
        {
            return Problems.NotFound($"No claim {id}.");
        }

        try
        {
            return TypedResults.Ok(ToResponse(await act(claim)));
        }
        catch (TaxRefundException ex)
        {
            return Problems.From(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The claim changed meanwhile.",
                detail: $"Claim {id} was changed by another request; read it again.");
        }
    }

    /// <summary>The claim if the caller may see it: an operator of its hub, or the SME that is its supplier.</summary>
    private static async Task<RefundClaim?> FindAsync(string id, Caller caller, TaxRefundDbContext db, CancellationToken cancellationToken, bool tracked = false)
    {
        if (!ClaimId.TryParse(id, out var claimId))
        {
            return null;
        }

        var key = claimId.ToString();
        var query = tracked ? db.Claims : db.Claims.AsNoTracking();
        var claim = await query.SingleOrDefaultAsync(c => c.Id == key, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var visible = caller.IsOperator
            ? claim.Hub == caller.Hub.ToString()
            : claim.SupplierCompany is { } supplier && CompanyId.TryParse(supplier, out var company) && caller.CanActFor(company);
        return visible ? claim : null;
    }

    private static ClaimResponse ToResponse(RefundClaim c)
    {
        long? Minor(decimal? amount) => amount is { } a ? new Money(a, CurrencyCode.Parse(c.Currency!)).Round(RefundCalculator.Rounding).ToMinorUnits() : null;
        EvidenceItem[] evidence =
        [
            new("exportDeclarationCleared", true, c.OpenedAt, c.DeclarationId),
            new("departure", c.DepartedAt is not null, c.DepartedAt, c.MasterBill),
            new("paymentReceived", c.PaymentReceivedAt is not null, c.PaymentReceivedAt, null),
        ];
        return new ClaimResponse(c.Id, c.OrderId, c.ConsignmentId, c.Hub, c.SupplierCompany, c.State.ToString(), c.ExportDate, evidence,
            c.Currency, Minor(c.PurchaseNet), Minor(c.RefundAmount), Minor(c.CostAmount), c.RoundingRule,
            c.OpenedAt, c.FiledAt, c.FiledBy, c.DecidedAt, c.RejectionReason, c.PaidAt, c.PayoutPostingId);
    }
}
