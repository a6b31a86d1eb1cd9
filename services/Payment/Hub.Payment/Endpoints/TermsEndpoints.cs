using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Terms;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Payment.Endpoints;

/// <summary>
/// The hub's payment terms (FX margin, platform fee, quote lock, auto-release, dispute negotiation, on-time shipment):
/// read by all, changed by operators.
/// </summary>
internal static class TermsEndpoints
{
    public static void MapTermsEndpoints(this IEndpointRouteBuilder routes)
    {
        var terms = routes.MapGroup("/api/payment/terms").WithTags("Terms");
        terms.MapGet("/", GetTerms).RequireAuthorization(HubPolicies.SmeOrOperator);
        terms.MapPut("/", ChangeTerms).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Ok<TermsResponse>> GetTerms(TermsBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok(TermsResponse.From(await book.CurrentAsync(cancellationToken)));

    private static async Task<Results<Ok<TermsResponse>, ProblemHttpResult>> ChangeTerms(
        TermsRequest request, Caller caller, TermsBook book, PaymentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Missing() is { Count: > 0 } missing)
        {
            return Problems.Missing(missing);
        }

        PaymentTerms terms;
        try
        {
            var current = await book.CurrentAsync(cancellationToken);
            var lateShipment = LateShipmentRule.Of(request.ShipWithinDays ?? current.ShipWithinDays, request.LateShipmentBpsPerDay ?? current.LateShipmentBpsPerDay,
                request.LateShipmentCapBps ?? current.LateShipmentCapBps);
            terms = PaymentTerms.Adopt(request.FxMarginBps!.Value, request.PlatformFeeBps!.Value, request.QuoteLockSeconds!.Value, request.AutoReleaseDays!.Value,
                request.DisputeNegotiationDays ?? current.DisputeNegotiationDays, request.ProtectionDays ?? current.ProtectionDays, lateShipment, caller.Subject, clock.GetUtcNow().UtcDateTime);
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }

        db.Terms.Add(terms);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(TermsResponse.From(terms));
    }
}

/// <summary>
/// New terms: every value is required, except that a missing <c>DisputeNegotiationDays</c>, <c>ProtectionDays</c>,
/// <c>ShipWithinDays</c>, <c>LateShipmentBpsPerDay</c> or <c>LateShipmentCapBps</c> keeps the current value.
/// </summary>
internal sealed record TermsRequest(
    int? FxMarginBps, int? PlatformFeeBps, int? QuoteLockSeconds, int? AutoReleaseDays, int? DisputeNegotiationDays, int? ProtectionDays = null,
    int? ShipWithinDays = null, int? LateShipmentBpsPerDay = null, int? LateShipmentCapBps = null)
{
    /// <summary>The required values the request leaves out, named as in JSON.</summary>
    public IReadOnlyList<string> Missing() =>
        new (string Field, int? Value)[] { ("fxMarginBps", FxMarginBps), ("platformFeeBps", PlatformFeeBps), ("quoteLockSeconds", QuoteLockSeconds), ("autoReleaseDays", AutoReleaseDays) }
            .Where(f => f.Value is null).Select(f => f.Field).ToList();
}

internal sealed record TermsResponse(
    int FxMarginBps, int PlatformFeeBps, int QuoteLockSeconds, int AutoReleaseDays, int DisputeNegotiationDays, int ProtectionDays, int ShipWithinDays,
    int LateShipmentBpsPerDay, int LateShipmentCapBps, DateTime EffectiveFrom, string ChangedBy)
{
    public static TermsResponse From(PaymentTerms t) =>
        new(t.FxMarginBps, t.PlatformFeeBps, t.QuoteLockSeconds, t.AutoReleaseDays, t.DisputeNegotiationDays, t.ProtectionDays, t.ShipWithinDays,
            t.LateShipmentBpsPerDay, t.LateShipmentCapBps, t.EffectiveFrom, t.ChangedBy);
}
