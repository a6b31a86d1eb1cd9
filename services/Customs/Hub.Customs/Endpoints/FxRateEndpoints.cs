using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

/// <summary>Operators publish the customs authority's weekly exchange rates; a new week's rate ends the last one (which resumes after a rate with an end date).</summary>
internal static class FxRateEndpoints
{
    public static void MapFxRateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customs/fx-rates").WithTags("Customs FX rates").RequireAuthorization(HubPolicies.Operator);
        group.MapGet("/", List).WithName("ListCustomsFxRates");
        group.MapPost("/", Publish).WithName("PublishCustomsFxRate");
    }

    internal sealed record FxRateRequest(string? Hub, string? Currency, decimal? Rate, DateOnly? ValidFrom, DateOnly? ValidTo);

    internal sealed record FxRateResponse(Guid Id, string Hub, string Currency, decimal Rate, DateOnly ValidFrom, DateOnly? ValidTo, int Version)
    {
        public static FxRateResponse From(CustomsFxRate r) => new(r.Id, r.Hub, r.Currency, r.Rate, r.ValidFrom, r.ValidTo, r.Version);
    }

    private static async Task<Ok<List<FxRateResponse>>> List(CustomsDbContext db, string? hub, DateOnly? on, CancellationToken cancellationToken)
    {
        var query = db.FxRates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(hub))
        {
            query = query.Where(r => r.Hub == hub.ToUpperInvariant());
        }

        if (on is { } date)
        {
            query = query.Where(r => r.ValidFrom <= date && (r.ValidTo == null || r.ValidTo > date));
        }

        var rates = await query.OrderBy(r => r.Hub).ThenBy(r => r.Currency).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(rates.Select(FxRateResponse.From).ToList());
    }

    private static async Task<Results<Created<FxRateResponse>, ValidationProblem>> Publish(FxRateRequest request, CustomsDbContext db, CancellationToken cancellationToken)
    {
        if (await EndpointProblems.KnownHubAsync(db, request.Hub, cancellationToken) is not { } hub)
        {
            return EndpointProblems.Invalid("hub", $"'{request.Hub}' is not a hub with a customs authority.");
        }

        if (!CurrencyCode.TryParse(request.Currency, out var currency))
        {
            return EndpointProblems.Invalid("currency", $"'{request.Currency}' is not an ISO 4217 currency code.");
        }

        if (request.ValidFrom is not { } from)
        {
            return EndpointProblems.Invalid("validFrom", "The first day of the rate is required.");
        }

        try
        {
            var versions = await db.FxRates.Where(r => r.Hub == hub && r.Currency == currency.Code).ToListAsync(cancellationToken);
            var rate = CustomsFxRate.Create(HubId.Parse(hub), currency, request.Rate ?? 0m, new Validity(from, request.ValidTo),
                versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1);
            var (resumed, replaced) = CustomsFxRate.MakeRoom(versions, rate);
            db.FxRates.RemoveRange(replaced);
            db.FxRates.AddRange([rate, .. resumed]);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/customs/fx-rates/{rate.Id}", FxRateResponse.From(rate));
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
    }
}
