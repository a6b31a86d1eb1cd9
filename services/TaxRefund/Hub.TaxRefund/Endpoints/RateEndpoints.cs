using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Endpoints;

/// <summary>A dated refund schedule line on the wire; rates are fractions (0.09 = 9 %), validTo is exclusive.</summary>
internal sealed record RefundRateResponse(Guid Id, string Hub, string HsPrefix, decimal Rate, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>
/// A new schedule line: an open-ended line of the same hub and prefix that starts earlier ends where it starts, and
/// resumes at its old rate where a bounded new line ends.
/// </summary>
internal sealed record RefundRateRequest(string? Hub, string? HsPrefix, decimal? Rate, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Refund schedules: everyone signed in reads them (every hub's), operators add dated lines to their own hub's.</summary>
internal static class RateEndpoints
{
    public static void MapRateEndpoints(this IEndpointRouteBuilder routes)
    {
        var rates = routes.MapGroup("/api/tax-refund/rates").WithTags("Refund rates");
        rates.MapGet("/", List).RequireAuthorization(HubPolicies.SmeOrOperator);
        rates.MapPost("/", Add).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Ok<List<RefundRateResponse>>> List(string? hub, string? hsCode, DateOnly? on, TaxRefundDbContext db, CancellationToken cancellationToken)
    {
        var query = db.RefundRates.AsNoTracking();
        if (!string.IsNullOrEmpty(hub))
        {
            query = query.Where(r => r.Hub == hub);
        }

        var rates = await query.OrderBy(r => r.Hub).ThenBy(r => r.HsPrefix).ThenBy(r => r.ValidFrom).ToListAsync(cancellationToken);
        IEnumerable<RefundRate> result = rates;
        if (on is { } day)
        {
            result = result.Where(r => r.AppliesOn(day));
        }

        if (!string.IsNullOrEmpty(hsCode))
        {
            result = result.Where(r => hsCode.StartsWith(r.HsPrefix, StringComparison.Ordinal));
        }

        return TypedResults.Ok(result.Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<RefundRateResponse>, ProblemHttpResult>> Add(
        RefundRateRequest request, ServiceIdentity identity, TaxRefundDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var own = identity.Hub.ToString();
        if (string.IsNullOrEmpty(request.Hub))
        {
            errors["hub"] = ["The hub is required."];
        }
        else if (request.Hub != own)
        {
            // Claims here are only ever filed at this hub's rates: a line for another hub would change nothing anywhere.
            errors["hub"] = [$"Operators of {own} keep {own}'s refund schedule; '{request.Hub}' is not this hub."];
        }

        if (request.HsPrefix is null)
        {
            errors["hsPrefix"] = ["The HS prefix is required (empty for every code)."];
        }

        if (request.Rate is null)
        {
            errors["rate"] = ["The rate is required."];
        }
        else if (!StoredNumber.Rate.Fits(request.Rate.Value))
        {
            // Its column would round further decimals away.
            errors["rate"] = [$"The refund rate has at most {StoredNumber.Rate.Scale} decimals (0.13 for 13 %)."];
        }

        if (request.ValidFrom is null)
        {
            errors["validFrom"] = ["validFrom is required."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var rate = new RefundRate(Guid.NewGuid(), request.Hub!, request.HsPrefix!, request.Rate!.Value, request.ValidFrom!.Value, request.ValidTo);

            // Lines of one hub and prefix are added one at a time: two at once would each end the same open line where it
            // starts, and both would stay in force (or clash on the unique start day).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({"refund_rates:" + rate.Hub + ":" + rate.HsPrefix}))", cancellationToken);
            var siblings = await db.RefundRates.Where(r => r.Hub == rate.Hub && r.HsPrefix == rate.HsPrefix).ToListAsync(cancellationToken);
            foreach (var open in siblings.Where(r => r.ValidTo is null && r.ValidFrom < rate.ValidFrom).ToList())
            {
                if (rate.ValidTo is { } until)
                {
                    db.RefundRates.Add(open.SplitAround(rate.ValidFrom, until, Guid.NewGuid()));
                }
                else
                {
                    open.EndOn(rate.ValidFrom);
                }
            }

            if (siblings.FirstOrDefault(r => r.Overlaps(rate.ValidFrom, rate.ValidTo)) is { } clash)
            {
                throw TaxRefundException.Conflict(
                    $"The {clash.Hub} line for HS prefix '{clash.HsPrefix}' from {clash.ValidFrom:yyyy-MM-dd}{(clash.ValidTo is { } to ? $" to {to:yyyy-MM-dd}" : "")} already covers part of that period.",
                    RefundRate.OverlapTitle);
            }

            db.RefundRates.Add(rate);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Created($"/api/tax-refund/rates/{rate.Id}", ToResponse(rate));
        }
        catch (TaxRefundException ex)
        {
            return Problems.From(ex);
        }
    }

    private static RefundRateResponse ToResponse(RefundRate r) => new(r.Id, r.Hub, r.HsPrefix, r.Rate, r.ValidFrom, r.ValidTo);
}
