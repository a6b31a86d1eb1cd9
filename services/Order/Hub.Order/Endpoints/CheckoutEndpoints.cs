using Grpc.Core;
using Hub.Order.Application;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Order.Endpoints;

/// <summary>Prices a cart for an SME buyer without placing it, and keeps the answer for the placement that names it.</summary>
internal static class CheckoutEndpoints
{
    public static void MapCheckoutEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/order/checkout", Checkout).WithTags("Checkout").WithName("Checkout").RequireAuthorization(HubPolicies.Sme);

    private static async Task<Results<Ok<CheckoutResponse>, ValidationProblem, ProblemHttpResult>> Checkout(
        CartRequest? cart, Caller caller, CartPricer pricer, CheckoutBook checkouts, CancellationToken cancellationToken)
    {
        var errors = CartPricer.Validate(cart);
        if (cart?.CheckoutId is not null)
        {
            errors["checkoutId"] = ["A checkout is placed (POST /api/order/orders), not checked out again."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var buyer = caller.Company!.Value;
            var pricing = await pricer.PriceAsync(buyer, cart!, cancellationToken);
            if (pricing.Errors.Count > 0)
            {
                return TypedResults.ValidationProblem(pricing.Errors);
            }

            var checkout = await checkouts.KeepAsync(buyer, cart!, pricing.Suppliers, cancellationToken);
            return TypedResults.Ok(pricing.ToResponse(cart!.Incoterm!, pricer.BuyerCurrency, checkout.Id, checkouts.PlaceBy(checkout)));
        }
        catch (RpcException ex)
        {
            return Upstream(ex);
        }
    }

    /// <summary>A refusal or failure of another service, as problem details.</summary>
    internal static ProblemHttpResult Upstream(RpcException ex) => GrpcResilience.IsRefusal(ex.StatusCode)
        ? TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The cart cannot be priced or placed", detail: ex.Status.Detail)
        : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "A service the order needs did not answer", detail: ex.Status.Detail);
}
