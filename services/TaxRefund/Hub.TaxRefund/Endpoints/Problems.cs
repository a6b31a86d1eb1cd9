using Hub.TaxRefund.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.TaxRefund.Endpoints;

internal static class Problems
{
    /// <summary>RFC 7807 for a refusal: 400 naming the field, 404, 409 titled with the kind of conflict.</summary>
    public static ProblemHttpResult From(TaxRefundException ex) => ex.Kind switch
    {
        TaxRefundErrorKind.Invalid => Invalid(new Dictionary<string, string[]> { [ex.Field ?? "request"] = [ex.Message] }),
        TaxRefundErrorKind.NotFound => NotFound(ex.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: ex.Title ?? TaxRefundException.ClaimStateTitle, detail: ex.Message),
    };

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
