using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.ServiceDefaults.Validation;

/// <summary>
/// Ids in a path that no hub could give (<c>cn-o-1</c>, a product id where an order id goes) are the caller's mistake:
/// a 400 naming the route value, before the endpoint runs, rather than the 404 of a well-formed id of nothing the
/// caller may see. gRPC services say the same with <see cref="Rule"/>.
/// </summary>
public static class PathIds
{
    /// <summary>What is wrong with <paramref name="value"/>: "'x' is not an order id such as CN-O-000123."</summary>
    /// <param name="value">The id sent.</param>
    /// <param name="kind">What it should have been, with its article ("an order id").</param>
    /// <param name="example">A well-formed id of the kind.</param>
    public static string Rule(string? value, string kind, string example) => $"'{value}' is not {kind} such as {example}.";

    /// <summary>
    /// Refuses a request whose route value <paramref name="parameter"/>, where the endpoint has one, is not a well-formed
    /// id: a validation problem naming the value, the endpoint not run. Authorization has run by then, so a caller who
    /// may not call the endpoint learns nothing from it.
    /// </summary>
    /// <typeparam name="TBuilder">An endpoint or a group of them.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="parameter">The route value (<c>id</c> for <c>/{id}</c>).</param>
    /// <param name="malformed">What is wrong with an id (see <see cref="Rule"/>), or null if it could name one.</param>
    public static TBuilder RequireWellFormedId<TBuilder>(this TBuilder builder, string parameter, Func<string, string?> malformed)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetRouteValue(parameter) is string value && malformed(value) is { } rule
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [rule] })
                : await next(context));
}
