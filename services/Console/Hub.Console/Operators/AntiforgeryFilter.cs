using Microsoft.AspNetCore.Antiforgery;

namespace Hub.Console.Operators;

/// <summary>
/// Checks the form's antiforgery token on action endpoints that bind no form fields (minimal APIs validate it only when
/// they bind a form), so another site cannot make a signed-in operator's browser replay or discard messages.
/// </summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired; reload the page and try again.");
        }

        return await next(context);
    }
}
