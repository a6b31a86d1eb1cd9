using Hub.Logistics.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Logistics.Endpoints;

internal static class TrackingResults
{
    public static Results<NoContent, ValidationProblem, ProblemHttpResult> From((TrackingOutcome Outcome, string? Problem) result, string what) =>
        result.Outcome switch
        {
            TrackingOutcome.Recorded => TypedResults.NoContent(),
            TrackingOutcome.UnknownKind => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [result.Problem!] }),
            TrackingOutcome.OutOfOrder => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["occurredAt"] = [result.Problem!] }),
            TrackingOutcome.IllegalTransition => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: result.Problem),
            TrackingOutcome.ChangedMeanwhile => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: result.Problem),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what}."),
        };

    public static DateTime? OccurredAt(TrackingRequest request, DateTime now, out ValidationProblem? problem)
    {
        problem = null;
        var at = request.OccurredAt?.ToUniversalTime() ?? now;
        if (at > now.AddMinutes(5))
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["occurredAt"] = ["A milestone cannot be in the future."] });
            return null;
        }

        return at;
    }
}
