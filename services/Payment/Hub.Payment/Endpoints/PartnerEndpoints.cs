using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Domain;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Payment.Endpoints;

/// <summary>
/// Operators read what this hub and each partner hub owe each other, and record the bank transfers that settle it.
/// </summary>
internal static class PartnerEndpoints
{
    /// <summary>The direction of a settlement this hub made.</summary>
    public const string Paid = "paid";

    /// <summary>The direction of a settlement the partner made.</summary>
    public const string Received = "received";

    public static void MapPartnerEndpoints(this IEndpointRouteBuilder routes)
    {
        var partners = routes.MapGroup("/api/payment/partners").WithTags("Partner hubs").RequireAuthorization(HubPolicies.Operator);
        partners.MapGet("/", ListBalances);
        partners.MapPost("/{hub}/settlements", RecordSettlement);
    }

    private static async Task<Ok<List<PartnerBalanceResponse>>> ListBalances(PartnerDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok((await desk.BalancesAsync(cancellationToken)).Select(b => PartnerBalanceResponse.From(b.Hub, b.Balance)).ToList());

    private static async Task<Results<Ok<PartnerSettlementResponse>, ProblemHttpResult>> RecordSettlement(
        string hub, PartnerSettlementRequest request, Caller caller, PartnerDesk desk, CancellationToken cancellationToken)
    {
        try
        {
            var partner = HubId.TryParse(hub, out var id) ? id : throw PaymentException.Invalid("hub", $"'{hub}' is not a hub id (e.g. CN).");
            var paid = request.Direction switch
            {
                Paid => true,
                Received => false,
                _ => throw PaymentException.Invalid("direction", $"The direction is '{Paid}' (this hub paid the partner) or '{Received}' (the partner paid this hub)."),
            };
            var requested = Input.Required("amount", request.Amount);
            var amount = Input.Amount("amount", requested.MinorUnits, requested.Currency);
            var reference = Input.Text("reference", request.Reference, 200, "The bank transfer's reference, 1 to 200 characters, is required.");
            var key = Input.Key("idempotencyKey", request.IdempotencyKey);
            var (postingId, replayed, balance) = await desk.SettleAsync(partner, paid, amount, key, reference, caller.Subject, cancellationToken);
            return TypedResults.Ok(new PartnerSettlementResponse(postingId, replayed, PartnerBalanceResponse.From(partner.ToString(), balance)));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }
}

/// <summary>A bank transfer between the hubs: <c>paid</c> by this hub or <c>received</c> from the partner, with its reference.</summary>
internal sealed record PartnerSettlementRequest(string? Direction, MoneyDto? Amount, string? Reference, string? IdempotencyKey);

/// <summary>
/// What one hub owes the other in a currency: <c>OwedToPartner</c> when this hub owes it, <c>OwedByPartner</c> when the
/// partner does (one of them zero).
/// </summary>
internal sealed record PartnerBalanceResponse(string Hub, string Currency, MoneyDto OwedToPartner, MoneyDto OwedByPartner)
{
    public static PartnerBalanceResponse From(string hub, Money balance) =>
        new(hub, balance.Currency.Code,
            MoneyDto.From(balance.Amount > 0 ? balance : Money.Zero(balance.Currency)),
            MoneyDto.From(balance.Amount < 0 ? -balance : Money.Zero(balance.Currency)));
}

internal sealed record PartnerSettlementResponse(Guid PostingId, bool Replayed, PartnerBalanceResponse Balance);
