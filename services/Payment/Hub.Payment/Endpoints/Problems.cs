using Hub.Payment.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Payment.Endpoints;

internal static class Problems
{
    /// <summary>RFC 7807 for a refusal: 400 with the failing field, 404, 409 for state and reused keys.</summary>
    public static ProblemHttpResult From(PaymentException ex) => ex.Kind switch
    {
        PaymentErrorKind.Invalid => Invalid(ex.Field ?? "request", ex.Message),
        PaymentErrorKind.NotFound or PaymentErrorKind.Forbidden => NotFound(ex.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The payment state does not allow this.", detail: ex.Message,
            extensions: new Dictionary<string, object?> { ["reason"] = ex.Reason }),
    };

    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        });

    /// <summary>400 naming every required field the request left out.</summary>
    public static ProblemHttpResult Missing(IEnumerable<string> fields) =>
        TypedResults.Problem(new HttpValidationProblemDetails(fields.ToDictionary(f => f, f => new[] { $"The field {f} is required." }))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
