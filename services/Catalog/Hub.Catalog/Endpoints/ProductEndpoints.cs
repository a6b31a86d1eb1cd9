using Hub.Catalog.Data;
using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Hub.Contracts.Catalog;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// REST for suppliers: create, change, list and delist their own products and count their stock. Another
/// company's product is answered with 404, as if it did not exist.
/// </summary>
internal static class ProductEndpoints
{
    public static void MapProductEndpoints(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/api/catalog/products").WithTags("Products (suppliers)").RequireAuthorization(HubPolicies.Sme)
            .RequireWellFormedId("id", ProductId.Kind);
        products.MapPost("/", Create).WithName("CreateProduct").ProducesProblem(StatusCodes.Status409Conflict);
        products.MapPut("/{id}", Update).WithName("UpdateProduct").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        products.MapPost("/{id}/list", List).WithName("ListProduct").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        products.MapPost("/{id}/delist", Delist).WithName("DelistProduct").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        products.MapPut("/{id}/stock", CountStock).WithName("CountStock").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ProductRequest request, Caller caller, CatalogDbContext db, ServiceIdentity identity, IOptions<CatalogOptions> options,
        TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var company = caller.Company!.Value.ToString();
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.CompanyId == company, cancellationToken);
        if (supplier is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a supplier",
                detail: $"Company {company} must register as a supplier (POST /api/catalog/suppliers) before listing products.");
        }

        var errors = ProductRequestValidator.Validate(request, CurrencyCode.Parse(supplier.Currency), out var details, out var tiers);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The product is invalid.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var id = new ProductId(identity.Hub, await db.NextAsync(CatalogSequences.Products, cancellationToken));
        var (product, prices) = Product.Create(id, supplier, details!, tiers, now);
        var stock = StockItem.Open(product.Id, request.StockOnHand ?? 0, request.LowStockThreshold ?? options.Value.DefaultLowStockThreshold, now);
        db.Products.Add(product);
        db.PriceVersions.Add(prices);
        db.StockItems.Add(stock);
        await db.SaveChangesAsync(cancellationToken);
        CatalogLog.ProductCreated(logs.CreateLogger(typeof(ProductEndpoints)), product.Id, supplier.Id);
        return TypedResults.Created($"/api/catalog/products/{product.Id}", ProductMapping.ToResponse(product, prices, stock, ownerView: true));
    }

    private static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string id, ProductRequest request, Caller caller, CatalogDbContext db, IOutbox outbox, TimeProvider clock, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(db, id, caller, cancellationToken) is not { } product)
        {
            return NotFound(id);
        }

        var errors = ProductRequestValidator.Validate(request, CurrencyCode.Parse(product.Currency), out var details, out var tiers);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The product is invalid.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.PriceVersions.SingleAsync(v => v.ProductId == product.Id && v.Version == product.PriceVersion, cancellationToken);
        var stock = await db.StockItems.SingleAsync(s => s.ProductId == product.Id, cancellationToken);
        try
        {
            product.Describe(details!, now);
            var next = product.ChangePrices(current, tiers, now);
            if (next is not null)
            {
                db.PriceVersions.Add(next);
                outbox.Publish(ProductMapping.PriceChanged(next));
                CatalogLog.PriceChanged(logs.CreateLogger(typeof(ProductEndpoints)), product.Id, next.Version);
            }

            if (request.LowStockThreshold is { } threshold)
            {
                stock.SetLowStockThreshold(threshold, now);
            }

            outbox.Publish(ProductMapping.Updated(product, now));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ProductMapping.ToResponse(product, next ?? current, stock, ownerView: true));
        }
        catch (CatalogRuleException ex)
        {
            return Conflict(ex);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PriceVersionConfiguration.PrimaryKey })
        {
            // Another request replaced the texts, changed the status or took the next price version meanwhile.
            return ChangedConcurrently(id);
        }
    }

    private static Task<Results<Ok<ProductResponse>, ProblemHttpResult>> List(
        string id, Caller caller, CatalogDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(id, caller, db, clock, cancellationToken, (product, now) =>
        {
            product.List(now);
            outbox.Publish(ProductMapping.Listed(product, now));
        });

    private static Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Delist(
        string id, Caller caller, CatalogDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(id, caller, db, clock, cancellationToken, (product, now) =>
        {
            product.Delist(now);
            outbox.Publish(new ProductDelisted(product.Id, product.SupplierId, now));
        });

    private static async Task<Results<Ok<StockDto>, ValidationProblem, ProblemHttpResult>> CountStock(
        string id, StockRequest request, Caller caller, CatalogDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(db, id, caller, cancellationToken) is not { } product)
        {
            return NotFound(id);
        }

        var errors = ProductRequestValidator.ValidateStock(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The stock count is invalid.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The same row lock as reservations take, so a count never lands between a reservation's check and its write.
        var stock = await db.StockItems.FromSql($"SELECT * FROM product_stock WHERE product_id = {product.Id} FOR UPDATE").SingleAsync(cancellationToken);
        try
        {
            var wasLow = stock.IsLow;
            stock.Count(request.OnHand!.Value, now);
            if (request.LowStockThreshold is { } threshold)
            {
                stock.SetLowStockThreshold(threshold, now);
            }

            if (!wasLow && stock.IsLow)
            {
                outbox.Publish(new StockLow(product.Id, product.SupplierId, stock.Available, stock.LowStockThreshold, now));
            }
        }
        catch (CatalogRuleException ex)
        {
            return Conflict(ex);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new StockDto(stock.Available, stock.OnHand, stock.Reserved, stock.LowStockThreshold));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> TransitionAsync(
        string id, Caller caller, CatalogDbContext db, TimeProvider clock, CancellationToken cancellationToken, Action<Product, DateTime> transition)
    {
        if (await FindOwnAsync(db, id, caller, cancellationToken) is not { } product)
        {
            return NotFound(id);
        }

        try
        {
            transition(product, clock.GetUtcNow().UtcDateTime);
        }
        catch (CatalogRuleException ex)
        {
            return Conflict(ex);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another list or delist of the product committed first; its event stands, this one is not published.
            return ChangedConcurrently(id);
        }

        var prices = await db.PriceVersions.AsNoTracking().SingleAsync(v => v.ProductId == product.Id && v.Version == product.PriceVersion, cancellationToken);
        var stock = await db.StockItems.AsNoTracking().SingleAsync(s => s.ProductId == product.Id, cancellationToken);
        return TypedResults.Ok(ProductMapping.ToResponse(product, prices, stock, ownerView: true));
    }

    private static async Task<Product?> FindOwnAsync(CatalogDbContext db, string id, Caller caller, CancellationToken cancellationToken)
    {
        var company = caller.Company!.Value.ToString();
        return ProductId.TryParse(id, out _)
            ? await db.Products.FirstOrDefaultAsync(p => p.Id == id && p.CompanyId == company, cancellationToken)
            : null;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Product not found", detail: $"You have no product {id}.");

    private static ProblemHttpResult ChangedConcurrently(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed concurrently",
            detail: $"Product {id} was changed by another request at the same time; read it again and retry.");

    private static ProblemHttpResult Conflict(CatalogRuleException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the product's current state", detail: ex.Message);
}
