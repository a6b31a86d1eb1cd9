using Hub.Customs.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Endpoints;

internal static class EndpointProblems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>Reference data may only be kept for hubs that have a customs authority configured.</summary>
    public static async Task<string?> KnownHubAsync(CustomsDbContext db, string? hub, CancellationToken cancellationToken)
    {
        var code = hub?.Trim().ToUpperInvariant();
        return code is { Length: 2 } && await db.Authorities.AnyAsync(a => a.Hub == code, cancellationToken) ? code : null;
    }
}
