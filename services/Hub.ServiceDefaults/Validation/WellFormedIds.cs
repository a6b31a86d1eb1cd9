using Hub.Contracts.Values;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.ServiceDefaults.Validation;

/// <summary>
/// Ids that no hub could give (<c>cn-o-1</c>, a product id where an order id goes) are the caller's mistake, said the
/// same way wherever they are checked (<see cref="Malformed"/>): a 400 naming the route value over REST
/// (<see cref="RequireWellFormedId"/>), INVALID_ARGUMENT naming the field over gRPC, rather than the 404 of a
/// well-formed id of nothing the caller may see.
/// </summary>
public static class WellFormedIds
{
    // What each kind of id is called in a refusal.
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [ClaimId.Kind] = "a claim id",
        [CompanyId.Kind] = "a company id",
        [ConsignmentId.Kind] = "a consignment id",
        [DeclarationId.Kind] = "a declaration id",
        [OrderId.Kind] = "an order id",
        [ProductId.Kind] = "a product id",
        [SupplierId.Kind] = "a supplier id",
    };

    /// <summary>
    /// What is wrong with <paramref name="value"/> ("'x' is not an order id such as KR-O-000123."), or null if it is
    /// a hub-qualified id of <paramref name="kind"/> (<see cref="OrderId.Kind"/>, say).
    /// </summary>
    /// <param name="value">The id sent.</param>
    /// <param name="kind">The kind letters of such ids.</param>
    public static string? Malformed(string? value, string kind) =>
        HubQualifiedId.TryParse(value, out var id) && id.Kind == kind ? null : $"'{value}' is not {Name(kind)} such as KR-{kind}-000123.";

    /// <summary>
    /// Refuses a request whose route value <paramref name="parameter"/>, where the endpoint has one, is not a
    /// hub-qualified id of <paramref name="kind"/>: a validation problem naming the value, the endpoint not run.
    /// Authorization has run by then, so a caller who may not call the endpoint learns nothing from it.
    /// </summary>
    /// <typeparam name="TBuilder">An endpoint or a group of them.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="parameter">The route value (<c>id</c> for <c>/{id}</c>).</param>
    /// <param name="kind">The kind letters of such ids.</param>
    public static TBuilder RequireWellFormedId<TBuilder>(this TBuilder builder, string parameter, string kind)
        where TBuilder : IEndpointConventionBuilder
    {
        // An unknown kind fails at start-up, not on a request.
        Name(kind);
        return builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetRouteValue(parameter) is string value && Malformed(value, kind) is { } rule
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [rule] })
                : await next(context));
    }

    private static string Name(string kind) =>
        Names.TryGetValue(kind, out var name) ? name : throw new ArgumentException($"No id of kind '{kind}' is known.", nameof(kind));
}
