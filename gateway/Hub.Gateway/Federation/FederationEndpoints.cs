using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Federation;

/// <summary>
/// <c>GET /api/federation/catalog/search?…&amp;limit=&amp;cursor=</c>: the catalog search across this hub and its partners,
/// a page at a time.
/// </summary>
internal static class FederationEndpoints
{
    public const string TimeoutPolicy = "federation";

    public static void MapFederationEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/federation/catalog/search", SearchAsync)
            .RequireAuthorization(HubPolicies.SmeOrOperator)
            .WithRequestTimeout(TimeoutPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("FederatedCatalogSearch")
            .WithTags("Federation");

    private static Task<Results<Ok<FederatedSearchResult>, ValidationProblem, ProblemHttpResult>> SearchAsync(HttpRequest request, FederatedCatalogSearch search, CancellationToken cancellationToken) =>
        search.SearchAsync(request, cancellationToken);
}
