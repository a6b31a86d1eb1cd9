using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

/// <summary>Operators keep FTA staging: one rate per agreement, partner, HS prefix and year; a correction is a new version.</summary>
internal static class PreferentialRateEndpoints
{
    public static void MapPreferentialRateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customs/preferential-rates").WithTags("FTA preferences").RequireAuthorization(HubPolicies.Operator);
        group.MapGet("/", List).WithName("ListPreferentialRates");
        group.MapPost("/", Publish).WithName("PublishPreferentialRate");
    }

    internal sealed record PreferentialRateRequest(string? Hub, string? Agreement, string? PartnerCountry, string? Prefix, int? Year, decimal? Rate);

    internal sealed record PreferentialRateResponse(Guid Id, string Hub, string Agreement, string PartnerCountry, string Prefix, int Year, decimal Rate, int Version)
    {
        public static PreferentialRateResponse From(PreferentialRate r) => new(r.Id, r.Hub, r.Agreement, r.PartnerCountry, r.Prefix, r.Year, r.Rate, r.Version);
    }

    private static async Task<Ok<List<PreferentialRateResponse>>> List(CustomsDbContext db, string? hub, int? year, CancellationToken cancellationToken)
    {
        var query = db.PreferentialRates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(hub))
        {
            query = query.Where(r => r.Hub == hub.ToUpperInvariant());
        }

        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        var rates = await query.OrderBy(r => r.Hub).ThenBy(r => r.Agreement).ThenBy(r => r.Prefix).ThenBy(r => r.Year).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(rates.Select(PreferentialRateResponse.From).ToList());
    }

    private static async Task<Results<Created<PreferentialRateResponse>, ValidationProblem>> Publish(PreferentialRateRequest request, CustomsDbContext db, CancellationToken cancellationToken)
    {
        if (await EndpointProblems.KnownHubAsync(db, request.Hub, cancellationToken) is not { } hub)
        {
            return EndpointProblems.Invalid("hub", $"'{request.Hub}' is not a hub with a customs authority.");
        }

        if (!CountryCode.TryParse(request.PartnerCountry, out var partner))
        {
            return EndpointProblems.Invalid("partnerCountry", $"'{request.PartnerCountry}' is not an ISO 3166-1 alpha-2 country.");
        }

        if (request.Rate is not { } rate)
        {
            return EndpointProblems.Invalid("rate", "The preferential rate is required (a fraction).");
        }

        try
        {
            var agreement = request.Agreement?.Trim().ToUpperInvariant() ?? "";
            var year = request.Year ?? 0;
            var version = await db.PreferentialRates
                .Where(r => r.Hub == hub && r.Agreement == agreement && r.PartnerCountry == partner.Code && r.Prefix == request.Prefix && r.Year == year)
                .Select(r => (int?)r.Version).MaxAsync(cancellationToken) ?? 0;
            var created = PreferentialRate.Create(HubId.Parse(hub), agreement, partner, request.Prefix ?? "", year, rate, version + 1);
            db.PreferentialRates.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/customs/preferential-rates/{created.Id}", PreferentialRateResponse.From(created));
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
    }
}
