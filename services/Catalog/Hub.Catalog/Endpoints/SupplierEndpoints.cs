using Hub.Catalog.Data;
using Hub.Catalog.Domain.Suppliers;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Catalog.Endpoints;

/// <summary>REST: a company registers as a supplier of this hub; operators see every supplier.</summary>
internal static class SupplierEndpoints
{
    /// <summary>Suppliers in a page when the operator names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 50;

    /// <summary>The most suppliers a page holds.</summary>
    private const int MaxPageSize = 200;

    public static void MapSupplierEndpoints(this IEndpointRouteBuilder routes)
    {
        var suppliers = routes.MapGroup("/api/catalog/suppliers").WithTags("Suppliers");
        suppliers.MapPost("/", Register).RequireAuthorization(HubPolicies.Sme).WithName("RegisterSupplier").ProducesProblem(StatusCodes.Status409Conflict);
        suppliers.MapGet("/me", Mine).RequireAuthorization(HubPolicies.Sme).WithName("GetMySupplier").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapGet("/", List).RequireAuthorization(HubPolicies.Operator).WithName("ListSuppliers");
    }

    private static async Task<Results<Created<SupplierResponse>, ValidationProblem, ProblemHttpResult>> Register(
        SupplierRequest request, Caller caller, CatalogDbContext db, ServiceIdentity identity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200 || PlainText.HasControlCharacters(request.Name.Trim()))
        {
            errors["name"] = ["A name of 1 to 200 characters, without control characters, is required."];
        }

        if (string.IsNullOrWhiteSpace(request.TraderId) || request.TraderId.Trim().Length > 35 || PlainText.HasControlCharacters(request.TraderId.Trim()))
        {
            errors["traderId"] = ["A trader id of 1 to 35 characters, without control characters, is required."];
        }

        if (!CountryCode.TryParse(request.Country, out var country))
        {
            errors["country"] = [$"'{request.Country}' is not an ISO 3166-1 alpha-2 country code."];
        }

        if (!CurrencyCode.TryParse(request.Currency, out var currency))
        {
            errors["currency"] = [$"'{request.Currency}' is not an ISO 4217 currency code."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The supplier is invalid.");
        }

        var company = caller.Company!.Value;
        if (await db.Suppliers.AnyAsync(s => s.CompanyId == company.ToString(), cancellationToken))
        {
            return AlreadySupplier(company);
        }

        var id = new SupplierId(identity.Hub, await db.NextAsync(CatalogSequences.Suppliers, cancellationToken));
        var supplier = Supplier.Register(id, company, new SupplierProfile(request.Name!.Trim(), request.TraderId!.Trim(), country, currency), clock.GetUtcNow().UtcDateTime);
        db.Suppliers.Add(supplier);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: SupplierConfiguration.CompanyIndex })
        {
            // A registration of the same company committed between the check above and this insert.
            return AlreadySupplier(company);
        }

        return TypedResults.Created($"/api/catalog/suppliers/me", ToResponse(supplier));
    }

    private static ProblemHttpResult AlreadySupplier(CompanyId company) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already a supplier", detail: $"Company {company} is already registered as a supplier.");

    private static async Task<Results<Ok<SupplierResponse>, ProblemHttpResult>> Mine(Caller caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var company = caller.Company!.Value.ToString();
        return await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.CompanyId == company, cancellationToken) is { } supplier
            ? TypedResults.Ok(ToResponse(supplier))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a supplier", detail: $"Company {company} has not registered as a supplier.");
    }

    private static async Task<Results<Ok<List<SupplierResponse>>, ValidationProblem>> List(CatalogDbContext db, long? after, int? limit, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryPageSize(limit, DefaultPageSize, MaxPageSize, out var take))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [RequestValues.PageSizeRule(MaxPageSize)] });
        }

        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.Number > (after ?? 0)).OrderBy(s => s.Number).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(suppliers.Select(ToResponse).ToList());
    }

    private static SupplierResponse ToResponse(Supplier s) =>
        new(s.Id, s.CompanyId, s.HomeHub, s.Name, s.TraderId, s.Country, s.Currency, s.RegisteredAt);
}
