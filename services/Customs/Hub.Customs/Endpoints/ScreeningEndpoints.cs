using Hub.Customs.Application;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Screening;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

/// <summary>Operators keep the denied-party list; every change raises the list version recorded with each screening.</summary>
internal static class ScreeningEndpoints
{
    public static void MapScreeningEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customs/screening").WithTags("Screening").RequireAuthorization(HubPolicies.Operator);
        group.MapGet("/", Get).WithName("GetScreeningList");
        group.MapPost("/parties", AddParty).WithName("AddDeniedParty");
        group.MapPut("/threshold", SetThreshold).WithName("SetScreeningThreshold");
        group.MapPost("/check", Check).WithName("CheckName");
    }

    internal sealed record DeniedPartyRequest(string? Name, IReadOnlyList<string>? Aliases, string? Country, string? Source);

    internal sealed record ThresholdRequest(double? Threshold);

    internal sealed record CheckRequest(IReadOnlyList<string>? Names);

    internal sealed record DeniedPartyResponse(Guid Id, string Name, IReadOnlyList<string> Aliases, string? Country, string Source, int ListedInVersion);

    internal sealed record ScreeningListResponse(string Hub, int Version, double Threshold, IReadOnlyList<DeniedPartyResponse> Parties);

    internal sealed record CheckResponse(bool Hit, double Score, string? Party, string? MatchedName, int ListVersion, double Threshold);

    private static DeniedPartyResponse From(DeniedParty p) => new(p.Id, p.Name, [.. p.Names.Skip(1)], p.Country, p.Source, p.ListedInVersion);

    private static async Task<Results<Ok<ScreeningListResponse>, ProblemHttpResult>> Get(CustomsDbContext db, ServiceIdentity identity, CancellationToken cancellationToken)
    {
        var hub = identity.Hub.ToString();
        if (await db.ScreeningLists.AsNoTracking().FirstOrDefaultAsync(l => l.Hub == hub, cancellationToken) is not { } list)
        {
            return EndpointProblems.NotFound($"Hub {hub} has no denied-party list.");
        }

        var parties = await db.DeniedParties.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ScreeningListResponse(hub, list.Version, list.Threshold, [.. parties.Select(From)]));
    }

    private static async Task<Results<Created<DeniedPartyResponse>, ValidationProblem, ProblemHttpResult>> AddParty(
        DeniedPartyRequest request, CustomsDbContext db, ServiceIdentity identity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hub = identity.Hub.ToString();
        if (await db.ScreeningLists.FirstOrDefaultAsync(l => l.Hub == hub, cancellationToken) is not { } list)
        {
            return EndpointProblems.NotFound($"Hub {hub} has no denied-party list.");
        }

        if (request.Country is { Length: > 0 } country && !Contracts.Values.CountryCode.TryParse(country, out _))
        {
            return EndpointProblems.Invalid("country", $"'{country}' is not an ISO 3166-1 alpha-2 country.");
        }

        try
        {
            var party = DeniedParty.List(request.Name ?? "", request.Aliases ?? [], request.Country?.ToUpperInvariant(), request.Source ?? "operator", list.Version + 1);
            list.Bump(clock.GetUtcNow().UtcDateTime);
            db.DeniedParties.Add(party);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/customs/screening/parties/{party.Id}", From(party));
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EndpointProblems.Conflict("The list changed meanwhile; send the entry again.");
        }
    }

    private static async Task<Results<Ok<ScreeningListResponse>, ValidationProblem, ProblemHttpResult>> SetThreshold(
        ThresholdRequest request, CustomsDbContext db, ServiceIdentity identity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hub = identity.Hub.ToString();
        if (await db.ScreeningLists.FirstOrDefaultAsync(l => l.Hub == hub, cancellationToken) is not { } list)
        {
            return EndpointProblems.NotFound($"Hub {hub} has no denied-party list.");
        }

        try
        {
            list.SetThreshold(request.Threshold ?? 0, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new ScreeningListResponse(hub, list.Version, list.Threshold, []));
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
    }

    private static async Task<Results<Ok<CheckResponse>, ValidationProblem, ProblemHttpResult>> Check(
        CheckRequest request, PartyScreening screening, CancellationToken cancellationToken)
    {
        if (request.Names is not { Count: > 0 } names)
        {
            return EndpointProblems.Invalid("names", "Give at least one name to screen.");
        }

        try
        {
            var result = await screening.ScreenAsync(names, cancellationToken);
            return TypedResults.Ok(new CheckResponse(result.IsHit, result.Score, result.Party, result.MatchedName, result.ListVersion, result.Threshold));
        }
        catch (MissingReferenceDataException ex)
        {
            return EndpointProblems.NotFound(ex.Message);
        }
    }
}
