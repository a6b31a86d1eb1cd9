using Hub.Contracts.Values;
using Hub.Payment.Data;
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
    }

    private static async Task<Ok<List<EscrowResponse>>> ListEscrows(Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var company = caller.Company?.ToString();
        var escrows = await db.Escrows.AsNoTracking()
            .Where(e => caller.IsOperator || e.BuyerCompany == company || e.SupplierCompany == company)
            .OrderByDescending(e => e.SecuredAt).Take(200)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(escrows.Select(EscrowResponse.From).ToList());
    }

    private static async Task<Results<Ok<EscrowResponse>, ProblemHttpResult>> GetEscrow(string orderId, Caller caller, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var escrow = await db.Escrows.AsNoTracking().SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        var company = caller.Company?.ToString();
        return escrow is not null && (caller.IsOperator || escrow.BuyerCompany == company || escrow.SupplierCompany == company)
            ? TypedResults.Ok(EscrowResponse.From(escrow))
            : Problems.NotFound($"No payment for order {orderId}.");
    }
}

internal sealed record EscrowResponse(
    string OrderId, string BuyerCompany, string SupplierCompany, string Status, MoneyDto Paid, MoneyDto Refunded, MoneyDto Settlement,
    Guid QuoteId, int PlatformFeeBps, DateTime SecuredAt, int AutoReleaseDays, DateTime? ReleaseDueAt, DateTime? ReleasedAt, bool? ReleasedAutomatically)
{
    public static EscrowResponse From(Escrow e) => new(
        e.OrderId, e.BuyerCompany, e.SupplierCompany, e.Status.ToString(), MoneyDto.From(e.Paid), MoneyDto.From(e.Refunded), MoneyDto.From(e.Settlement),
        e.QuoteId, e.PlatformFeeBps, e.SecuredAt, e.AutoReleaseDays, e.ReleaseDueAt, e.ReleasedAt, e.ReleasedAutomatically);
}
