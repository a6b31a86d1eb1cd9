using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Endpoints;

/// <summary>
/// A buying company registers the legal name (and address) its orders' declarations name it by: the importer customs
/// screens against the denied-party list. Without one, declarations name the company by its id. Only the company's own
/// users see and change it.
/// </summary>
internal static class BuyerEndpoints
{
    public static void MapBuyerEndpoints(this IEndpointRouteBuilder routes)
    {
        var buyers = routes.MapGroup("/api/order/buyers").WithTags("Buyers").RequireAuthorization(HubPolicies.Sme);
        buyers.MapGet("/me", Mine).WithName("GetMyBuyerProfile");
        buyers.MapPut("/me", Register).WithName("RegisterBuyer");
    }

    private static async Task<Results<Ok<BuyerResponse>, ProblemHttpResult>> Mine(Caller caller, OrderDbContext db, CancellationToken cancellationToken)
    {
        var company = caller.Company!.Value.ToString();
        return await db.BuyerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Company == company, cancellationToken) is { } profile
            ? TypedResults.Ok(BuyerResponse.From(profile))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No buyer profile",
                detail: $"Company {company} has not registered the legal name its declarations name it by (PUT /api/order/buyers/me); they name it by its id.");
    }

    // Registers or changes the profile; orders placed before keep the one they were placed with.
    private static async Task<Results<Ok<BuyerResponse>, ValidationProblem>> Register(
        BuyerRequest request, Caller caller, OrderDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var legalName = request.LegalName?.Trim();
        var address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        if (legalName is not { Length: >= 2 and <= TradeOrder.MaxNameLength } || legalName.Any(char.IsControl))
        {
            errors["legalName"] = [$"The legal name is 2 to {TradeOrder.MaxNameLength} characters of text."];
        }

        if (address is { Length: > TradeOrder.MaxAddressLength })
        {
            errors["address"] = [$"The address is at most {TradeOrder.MaxAddressLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var company = caller.Company!.Value.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var profile = await db.BuyerProfiles.SingleOrDefaultAsync(p => p.Company == company, cancellationToken);
            if (profile is null)
            {
                profile = new BuyerProfile(company, legalName!, address, now, caller.Subject);
                db.BuyerProfiles.Add(profile);
            }
            else
            {
                profile.Change(legalName!, address, now, caller.Subject);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(BuyerResponse.From(profile));
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Registered by a parallel request meanwhile: change that one.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>A buyer's legal name and address, as its declarations name it.</summary>
public sealed record BuyerRequest(string? LegalName, string? Address);

/// <summary>The caller's company's buyer profile.</summary>
public sealed record BuyerResponse(string Company, string LegalName, string? Address, DateTime UpdatedAt, string UpdatedBy)
{
    internal static BuyerResponse From(BuyerProfile p) => new(p.Company, p.LegalName, p.Address, p.UpdatedAt, p.UpdatedBy);
}
