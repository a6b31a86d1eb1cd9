using Hub.Contracts.Values;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Order.Endpoints;

/// <summary>
/// A company's mandates to partner hubs: which partner hubs may place orders for it over gRPC and act on them as its
/// buyer would. Only the company's own users see and change them.
/// </summary>
internal static class MandateEndpoints
{
    public static void MapMandateEndpoints(this IEndpointRouteBuilder routes)
    {
        var mandates = routes.MapGroup("/api/order/mandates").WithTags("Partner mandates").RequireAuthorization(HubPolicies.Sme);
        mandates.MapGet("/", List).WithName("ListMandates");
        mandates.MapPut("/{hub}", Grant).WithName("GrantMandate");
        mandates.MapDelete("/{hub}", Revoke).WithName("RevokeMandate");
    }

    private static async Task<Ok<List<MandateResponse>>> List(Caller caller, OrderDbContext db, CancellationToken cancellationToken)
    {
        var company = caller.Company!.Value.ToString();
        var mandates = await db.PartnerMandates.AsNoTracking().Where(m => m.Company == company).OrderBy(m => m.PartnerHub).ToListAsync(cancellationToken);
        return TypedResults.Ok(mandates.Select(MandateResponse.From).ToList());
    }

    // Idempotent: granting again answers the mandate as it was first granted.
    private static async Task<Results<Ok<MandateResponse>, ValidationProblem>> Grant(
        string hub, Caller caller, OrderDbContext db, ServiceIdentity identity, IOptionsMonitor<PartnerRegistry> partners, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!HubId.TryParse(hub, out var partner) || partner == identity.Hub || !partners.CurrentValue.TryFind(partner, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["hub"] = [$"'{hub}' is not a partner hub of {identity.Hub}."] });
        }

        var company = caller.Company!.Value.ToString();
        if (await db.PartnerMandates.FindAsync([company, partner.ToString()], cancellationToken) is { } existing)
        {
            return TypedResults.Ok(MandateResponse.From(existing));
        }

        var mandate = new PartnerMandate(company, partner.ToString(), clock.GetUtcNow().UtcDateTime, caller.Subject);
        db.PartnerMandates.Add(mandate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Granted by a parallel request meanwhile.
            db.ChangeTracker.Clear();
            mandate = await db.PartnerMandates.AsNoTracking().SingleAsync(m => m.Company == company && m.PartnerHub == mandate.PartnerHub, cancellationToken);
        }

        return TypedResults.Ok(MandateResponse.From(mandate));
    }

    // Idempotent: revoking what is not granted changes nothing. Orders placed under it stay as they are.
    private static async Task<NoContent> Revoke(string hub, Caller caller, OrderDbContext db, CancellationToken cancellationToken)
    {
        var company = caller.Company!.Value.ToString();
        var partner = hub.Trim().ToUpperInvariant();
        await db.PartnerMandates.Where(m => m.Company == company && m.PartnerHub == partner).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A mandate of the caller's company to a partner hub.</summary>
public sealed record MandateResponse(string PartnerHub, DateTime GrantedAt, string GrantedBy)
{
    internal static MandateResponse From(PartnerMandate m) => new(m.PartnerHub, m.GrantedAt, m.GrantedBy);
}
