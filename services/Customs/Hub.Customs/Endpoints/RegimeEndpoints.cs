using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

/// <summary>Operators keep the low-value regimes; a new version of a regime code ends the one before it (which resumes after a version with an end date).</summary>
internal static class RegimeEndpoints
{
    public static void MapRegimeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customs/regimes").WithTags("Low-value regimes").RequireAuthorization(HubPolicies.Operator);
        group.MapGet("/", List).WithName("ListRegimes");
        group.MapPost("/", Publish).WithName("PublishRegime");
    }

    internal sealed record RegimeRequest(string? Hub, string? Code, string? Name, string? Kind, string? Channel, string? Origin, string? ExcludedChapters,
        string? Currency, string? ValueBasis, decimal? TransactionLimit, decimal? AnnualLimit, bool? AggregateSameDay, decimal? DutyFactor, decimal? TaxFactor,
        DateOnly? ValidFrom, DateOnly? ValidTo);

    internal sealed record RegimeResponse(Guid Id, string Hub, string Code, string Name, string Kind, string Channel, string? Origin, string ExcludedChapters,
        string Currency, string ValueBasis, decimal TransactionLimit, decimal? AnnualLimit, bool AggregateSameDay, decimal DutyFactor, decimal TaxFactor,
        DateOnly ValidFrom, DateOnly? ValidTo, int Version)
    {
        public static RegimeResponse From(LowValueRegime r) => new(r.Id, r.Hub, r.Code, r.Name, r.Kind.ToString(), r.Channel.ToString(), r.Origin,
            r.ExcludedChapters, r.Currency, r.ValueBasis.ToString(), r.TransactionLimit, r.AnnualLimit, r.AggregateSameDay, r.DutyFactor, r.TaxFactor,
            r.ValidFrom, r.ValidTo, r.Version);
    }

    private static async Task<Ok<List<RegimeResponse>>> List(CustomsDbContext db, string? hub, CancellationToken cancellationToken)
    {
        var query = db.LowValueRegimes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(hub))
        {
            query = query.Where(r => r.Hub == hub.ToUpperInvariant());
        }

        var regimes = await query.OrderBy(r => r.Hub).ThenBy(r => r.Code).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(regimes.Select(RegimeResponse.From).ToList());
    }

    private static async Task<Results<Created<RegimeResponse>, ValidationProblem>> Publish(RegimeRequest request, CustomsDbContext db, CancellationToken cancellationToken)
    {
        if (await EndpointProblems.KnownHubAsync(db, request.Hub, cancellationToken) is not { } hub)
        {
            return EndpointProblems.Invalid("hub", $"'{request.Hub}' is not a hub with a customs authority.");
        }

        if (!RequestValues.TryParseName<RegimeKind>(request.Kind, out var kind))
        {
            return EndpointProblems.Invalid("kind", "Give DeMinimis or CrossBorderRetail.");
        }

        if (!RequestValues.TryParseName<TradeChannel>(request.Channel ?? nameof(TradeChannel.ECommerce), out var channel))
        {
            return EndpointProblems.Invalid("channel", "Give GeneralTrade or ECommerce.");
        }

        if (!RequestValues.TryParseName<RegimeValueBasis>(request.ValueBasis ?? nameof(RegimeValueBasis.Intrinsic), out var basis))
        {
            return EndpointProblems.Invalid("valueBasis", "Give Intrinsic or CustomsValue.");
        }

        CountryCode? origin = null;
        if (!string.IsNullOrWhiteSpace(request.Origin))
        {
            if (!CountryCode.TryParse(request.Origin, out var parsed))
            {
                return EndpointProblems.Invalid("origin", $"'{request.Origin}' is not an ISO 3166-1 alpha-2 country.");
            }

            origin = parsed;
        }

        if (!CurrencyCode.TryParse(request.Currency, out var currency))
        {
            return EndpointProblems.Invalid("currency", $"'{request.Currency}' is not an ISO 4217 currency code.");
        }

        if (request.ValidFrom is not { } from)
        {
            return EndpointProblems.Invalid("validFrom", "The date the regime takes effect is required.");
        }

        if (request.TransactionLimit is not { } limit)
        {
            return EndpointProblems.Invalid("transactionLimit", "The limit is required.");
        }

        try
        {
            var code = request.Code?.Trim() ?? "";
            var versions = await db.LowValueRegimes.Where(r => r.Hub == hub && r.Code == code).ToListAsync(cancellationToken);
            var regime = LowValueRegime.Create(HubId.Parse(hub), code, request.Name?.Trim() ?? code, kind, channel, origin, request.ExcludedChapters ?? "",
                currency, basis, limit, request.AnnualLimit, request.AggregateSameDay ?? false, request.DutyFactor ?? 0m, request.TaxFactor ?? 0m,
                new Validity(from, request.ValidTo), versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1);
            var (resumed, replaced) = LowValueRegime.MakeRoom(versions, regime);
            db.LowValueRegimes.RemoveRange(replaced);
            db.LowValueRegimes.AddRange([regime, .. resumed]);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/customs/regimes/{regime.Id}", RegimeResponse.From(regime));
        }
        catch (CustomsRuleException ex)
        {
            return EndpointProblems.Invalid(ex.Field, ex.Message);
        }
    }
}
