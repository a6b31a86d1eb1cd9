using Hub.Contracts.Values;
using Hub.Customs.Application;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Declarations;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

/// <summary>
/// Declarations over REST: SMEs read their own; operators list them, and release or reject the held ones.
/// (Declarations are lodged by the order process over gRPC.)
/// </summary>
internal static class DeclarationEndpoints
{
    /// <summary>Declarations in a page when the caller names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 50;

    /// <summary>The most declarations a page holds.</summary>
    private const int MaxPageSize = 200;

    public static void MapDeclarationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customs/declarations").WithTags("Declarations").RequireWellFormedId("id", DeclarationId.Kind);
        group.MapGet("/", List).RequireAuthorization(HubPolicies.Operator).WithName("ListDeclarations");
        group.MapGet("/{id}", Get).RequireAuthorization(HubPolicies.SmeOrOperator).WithName("GetDeclaration");
        group.MapPost("/{id}/release", Release).RequireAuthorization(HubPolicies.Operator).WithName("ReleaseDeclaration");
        group.MapPost("/{id}/reject", Reject).RequireAuthorization(HubPolicies.Operator).WithName("RejectDeclaration");
    }

    internal sealed record RejectRequest(string? Reason);

    internal sealed record TaxResponse(string Type, decimal Base, string Rate, decimal Amount);

    internal sealed record ItemResponse(int Sequence, string Description, string HsCode, string HsEdition, string Origin, decimal Quantity, string Unit, decimal Value,
        string? PreferenceClaim, string? CertificateRef, IReadOnlyList<TaxResponse> Taxes);

    internal sealed record DeclarationResponse(string Id, string Type, string Status, string Lrn, string? Mrn, string OrderId, string Exporter, string Importer,
        string Incoterm, string InvoiceCurrency, decimal InvoiceTotal, string Currency, decimal Duty, decimal ConsumptionTax, decimal Vat, decimal TotalTaxes,
        string? RegimeCode, string? RoundingRule, int ScreeningListVersion, double ScreeningScore, string? ScreeningMatch, string? HoldReason,
        string? RejectionReason, string? WithdrawalReason, string? DecidedBy, DateTime SubmittedAt, DateTime? DecidedAt, IReadOnlyList<ItemResponse> Items)
    {
        public static DeclarationResponse From(Declaration d) => new(d.Id, d.Type.ToString(), d.Status.ToString(), d.Lrn, d.Mrn, d.OrderId, d.Exporter.Name,
            d.Importer.Name, d.Incoterm, d.InvoiceCurrency, d.InvoiceTotal, d.Currency, d.Duty, d.ConsumptionTax, d.Vat, d.TotalTaxes, d.RegimeCode,
            d.RoundingRule, d.ScreeningListVersion, d.ScreeningScore, d.ScreeningMatch, d.HoldReason, d.RejectionReason, d.WithdrawalReason, d.DecidedBy, d.SubmittedAt,
            d.DecidedAt,
            [.. d.Items.Select(i => new ItemResponse(i.Sequence, i.Description, i.HsCode, i.HsEdition, i.Origin, i.Quantity, i.Unit, i.Value, i.PreferenceClaim,
                i.CertificateRef, [.. i.Taxes.Select(t => new TaxResponse(t.Type, t.Base, t.Rate, t.Amount))]))]);
    }

    /// <summary>
    /// A page of the hub's declarations, newest first: at most <c>limit</c> (<see cref="DefaultPageSize"/> when absent,
    /// 1 to <see cref="MaxPageSize"/>, else a 400), submitted before the declaration <c>before</c> (the previous page's
    /// last one), of one <c>status</c> and of one order (<c>orderId</c>) when these are given.
    /// </summary>
    /// <param name="db">The customs database.</param>
    /// <param name="identity">The hub this service serves.</param>
    /// <param name="status">Only declarations in this status, when given.</param>
    /// <param name="orderId">Only the declarations of this order, when given.</param>
    /// <param name="before">The id of the previous page's last declaration; the page starts after it.</param>
    /// <param name="limit">The most declarations the page holds.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    private static async Task<Results<Ok<List<DeclarationResponse>>, ValidationProblem>> List(
        CustomsDbContext db, ServiceIdentity identity, string? status, string? orderId, string? before, int? limit, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryPageSize(limit, DefaultPageSize, MaxPageSize, out var take))
        {
            return EndpointProblems.Invalid("limit", RequestValues.PageSizeRule(MaxPageSize));
        }

        var query = db.Declarations.AsNoTracking();
        if (!string.IsNullOrEmpty(before))
        {
            // Keyed on the list's order rather than an offset: declarations lodged meanwhile do not shift the next page.
            var mark = await db.Declarations.AsNoTracking().Where(d => d.Id == before).Select(d => new { d.SubmittedAt, d.Id }).SingleOrDefaultAsync(cancellationToken);
            if (mark is null)
            {
                return EndpointProblems.Invalid("before", $"'{before}' is not a declaration of this list; pass the id of the previous page's last declaration.");
            }

            query = query.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.SubmittedAt, d.Id), ValueTuple.Create(mark.SubmittedAt, mark.Id)));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!RequestValues.TryParseName<DeclarationStatus>(status, out var wanted))
            {
                return EndpointProblems.Invalid("status", "Give Submitted, Accepted, Cleared, Held or Rejected.");
            }

            query = query.Where(d => d.Status == wanted);
        }

        if (!string.IsNullOrEmpty(orderId))
        {
            // Named in full (hub, either type, order) so the lookup is a seek on the hub's unique (hub, type, order) index.
            var hub = identity.Hub.ToString();
            query = query.Where(d => d.Hub == hub && (d.Type == DeclarationType.Export || d.Type == DeclarationType.Import) && d.OrderId == orderId);
        }

        var found = await query.OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(found.Select(DeclarationResponse.From).ToList());
    }

    private static async Task<Results<Ok<DeclarationResponse>, ProblemHttpResult>> Get(string id, Caller caller, DeclarationService declarations, CancellationToken cancellationToken)
    {
        var declaration = await declarations.FindAsync(id, cancellationToken);
        return declaration is not null && (caller.IsOperator || (caller.Company is { } company && declaration.Concerns(company)))
            ? TypedResults.Ok(DeclarationResponse.From(declaration))
            : EndpointProblems.NotFound($"No declaration {id}.");
    }

    private static async Task<Results<Ok<DeclarationResponse>, ProblemHttpResult>> Release(string id, Caller caller, DeclarationService declarations, CancellationToken cancellationToken)
    {
        try
        {
            return await declarations.ReleaseAsync(id, caller.Subject, cancellationToken) is { } released
                ? TypedResults.Ok(DeclarationResponse.From(released))
                : EndpointProblems.NotFound($"No declaration {id}.");
        }
        catch (Exception ex) when (ex is DeclarationStateException or DbUpdateConcurrencyException)
        {
            return EndpointProblems.Conflict(ex is DeclarationStateException ? ex.Message : $"Declaration {id} changed meanwhile; read it again.");
        }
    }

    private static async Task<Results<Ok<DeclarationResponse>, ValidationProblem, ProblemHttpResult>> Reject(
        string id, RejectRequest request, Caller caller, DeclarationService declarations, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return EndpointProblems.Invalid("reason", "A rejection needs a reason.");
        }

        try
        {
            return await declarations.RejectAsync(id, request.Reason, caller.Subject, cancellationToken) is { } rejected
                ? TypedResults.Ok(DeclarationResponse.From(rejected))
                : EndpointProblems.NotFound($"No declaration {id}.");
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
        catch (Exception ex) when (ex is DeclarationStateException or DbUpdateConcurrencyException)
        {
            return EndpointProblems.Conflict(ex is DeclarationStateException ? ex.Message : $"Declaration {id} changed meanwhile; read it again.");
        }
    }
}
