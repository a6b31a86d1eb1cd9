using Hub.Contracts.Values;
using Hub.Customs.Application;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

/// <summary>Operators keep the tariff schedule: every change is a new dated version that ends the one before it (which resumes after a change with an end date).</summary>
internal static class TariffEndpoints
{
    public static void MapTariffEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customs/tariffs").WithTags("Tariffs").RequireAuthorization(HubPolicies.Operator);
        group.MapGet("/", List).WithName("ListTariffLines");
        group.MapGet("/lookup", Lookup).WithName("LookUpTariffLine");
        group.MapPost("/", Publish).WithName("PublishTariffLine");
    }

    internal sealed record TariffLineRequest(string? Hub, string? Prefix, string? Description, string? DutyKind, decimal? DutyRate, decimal? SpecificAmount,
        string? SpecificUnit, decimal? VatRate, decimal? ConsumptionTaxRate, DateOnly? ValidFrom, DateOnly? ValidTo);

    internal sealed record TariffLineResponse(Guid Id, string Hub, string Prefix, string Description, string DutyKind, decimal DutyRate, decimal? SpecificAmount,
        string? SpecificUnit, decimal VatRate, decimal ConsumptionTaxRate, DateOnly ValidFrom, DateOnly? ValidTo, int Version)
    {
        public static TariffLineResponse From(TariffLine t) => new(t.Id, t.Hub, t.Prefix, t.Description, t.DutyKind.ToString(), t.DutyRate, t.SpecificAmount,
            t.SpecificUnit, t.VatRate, t.ConsumptionTaxRate, t.ValidFrom, t.ValidTo, t.Version);
    }

    private static async Task<Ok<List<TariffLineResponse>>> List(CustomsDbContext db, string? hub, string? prefix, DateOnly? on, CancellationToken cancellationToken)
    {
        var query = db.TariffLines.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(hub))
        {
            query = query.Where(t => t.Hub == hub.ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(prefix))
        {
            query = query.Where(t => t.Prefix.StartsWith(prefix));
        }

        if (on is { } date)
        {
            query = query.Where(t => t.ValidFrom <= date && (t.ValidTo == null || t.ValidTo > date));
        }

        var lines = await query.OrderBy(t => t.Hub).ThenBy(t => t.Prefix).ThenBy(t => t.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(lines.Select(TariffLineResponse.From).ToList());
    }

    private static async Task<Results<Ok<TariffLineResponse>, ValidationProblem, ProblemHttpResult>> Lookup(
        CustomsDbContext db, string? hub, string? hs, DateOnly? on, CustomsCalendar calendar, CancellationToken cancellationToken)
    {
        if (await EndpointProblems.KnownHubAsync(db, hub, cancellationToken) is not { } known)
        {
            return EndpointProblems.Invalid("hub", $"'{hub}' is not a hub with a customs authority.");
        }

        if (!HsCode.TryParse(hs, out var code))
        {
            return EndpointProblems.Invalid("hs", $"'{hs}' is not an HS2022 code.");
        }

        var today = default(DateOnly);
        if (on is null && !calendar.TryToday(HubId.Parse(known), out today))
        {
            return EndpointProblems.Invalid("on", $"Hub {known} has no customs time zone configured; give the date.");
        }

        var date = on ?? today;
        var candidates = await db.TariffLines.AsNoTracking().Where(t => t.Hub == known).ToListAsync(cancellationToken);
        return TariffSchedule.Find(candidates, HubId.Parse(known), code, date) is { } line
            ? TypedResults.Ok(TariffLineResponse.From(line))
            : EndpointProblems.NotFound($"Hub {known} has no tariff line in force on {date:yyyy-MM-dd} for HS {code}.");
    }

    private static async Task<Results<Created<TariffLineResponse>, ValidationProblem>> Publish(TariffLineRequest request, CustomsDbContext db, CancellationToken cancellationToken)
    {
        if (await EndpointProblems.KnownHubAsync(db, request.Hub, cancellationToken) is not { } hub)
        {
            return EndpointProblems.Invalid("hub", $"'{request.Hub}' is not a hub with a customs authority.");
        }

        if (!RequestValues.TryParseName<DutyKind>(request.DutyKind ?? nameof(DutyKind.AdValorem), out var kind))
        {
            return EndpointProblems.Invalid("dutyKind", "Give AdValorem or Specific.");
        }

        if (request.ValidFrom is not { } from)
        {
            return EndpointProblems.Invalid("validFrom", "The date the line takes effect is required.");
        }

        if (request.VatRate is not { } vat)
        {
            return EndpointProblems.Invalid("vatRate", "The import VAT rate is required (a fraction, 0.10 for 10 %).");
        }

        try
        {
            var versions = await db.TariffLines.Where(t => t.Hub == hub && t.Prefix == request.Prefix).ToListAsync(cancellationToken);
            var line = TariffLine.Create(HubId.Parse(hub), request.Prefix ?? "", request.Description?.Trim() ?? "", kind, request.DutyRate ?? 0m,
                request.SpecificAmount, request.SpecificUnit, vat, request.ConsumptionTaxRate ?? 0m, new Validity(from, request.ValidTo),
                versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1);
            var (resumed, replaced) = TariffLine.MakeRoom(versions, line);
            db.TariffLines.RemoveRange(replaced);
            db.TariffLines.AddRange([line, .. resumed]);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/customs/tariffs/{line.Id}", TariffLineResponse.From(line));
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
    }
}
