using Hub.Catalog.Data;
using Hub.Catalog.Domain.Products;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Catalog.Endpoints;

/// <summary>REST for buyers (and operators): search listed products, read one; for suppliers: page through their own.</summary>
internal static class ProductQueryEndpoints
{
    public static void MapProductQueryEndpoints(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/api/catalog/products").WithTags("Products (buyers)").RequireWellFormedId("id", ProductId.Kind);
        products.MapGet("/", Search).RequireAuthorization(HubPolicies.AnyCaller).WithName("SearchProducts");
        products.MapGet("/mine", Mine).RequireAuthorization(HubPolicies.Sme).WithName("ListMyProducts");
        products.MapGet("/{id}", Get).RequireAuthorization(HubPolicies.AnyCaller).WithName("GetProduct").ProducesProblem(StatusCodes.Status404NotFound);
        products.MapGet("/{id}/prices", PriceHistory).RequireAuthorization(HubPolicies.SmeOrOperator).WithName("GetPriceHistory")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> Search(
        [AsParameters] SearchQuery query, CatalogDbContext db, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        var errors = ProductSearch.Validate(query, options.Value.MaxPageSize, out var cursor);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The search is invalid.")
            : TypedResults.Ok(await ProductSearch.RunAsync(db, query, cursor, ownerCompany: null, options.Value, cancellationToken));
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> Mine(
        [AsParameters] SearchQuery query, Caller caller, CatalogDbContext db, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        var errors = ProductSearch.Validate(query, options.Value.MaxPageSize, out var cursor);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The search is invalid.")
            : TypedResults.Ok(await ProductSearch.RunAsync(db, query, cursor, caller.Company!.Value.ToString(), options.Value, cancellationToken));
    }

    /// <summary>A listed product for anyone; a draft or delisted one only for its supplier and operators.</summary>
    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(string id, Caller caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var (product, canSeeAll) = await FindVisibleAsync(db, id, caller, cancellationToken);
        if (product is null)
        {
            return NotFound(id);
        }

        var prices = await db.PriceVersions.AsNoTracking().SingleAsync(v => v.ProductId == product.Id && v.Version == product.PriceVersion, cancellationToken);
        var stock = await db.StockItems.AsNoTracking().SingleAsync(s => s.ProductId == product.Id, cancellationToken);
        return TypedResults.Ok(ProductMapping.ToResponse(product, prices, stock, canSeeAll));
    }

    /// <summary>Every price version of a product, newest first: what an order placed at an older version paid.</summary>
    private static async Task<Results<Ok<List<PriceListDto>>, ProblemHttpResult>> PriceHistory(string id, Caller caller, CatalogDbContext db, CancellationToken cancellationToken)
    {
        if ((await FindVisibleAsync(db, id, caller, cancellationToken)).Product is null)
        {
            return NotFound(id);
        }

        var versions = await db.PriceVersions.AsNoTracking().Where(v => v.ProductId == id).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(ProductMapping.ToPriceList).ToList());
    }

    private static async Task<(Product? Product, bool CanSeeAll)> FindVisibleAsync(CatalogDbContext db, string id, Caller caller, CancellationToken cancellationToken)
    {
        var product = ProductId.TryParse(id, out _)
            ? await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        var canSeeAll = product is not null && (caller.IsOperator || (caller.Company is { } company && product.IsOwnedBy(company)));
        return product is not null && (product.Status == ProductStatus.Listed || canSeeAll) ? (product, canSeeAll) : (null, false);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Product not found", detail: $"There is no product {id}.");
}
