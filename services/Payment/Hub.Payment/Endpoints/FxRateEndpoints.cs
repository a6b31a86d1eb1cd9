using Hub.Payment.Application;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Fx;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Payment.Endpoints;

/// <summary>FX rates: published pairs for everyone, any pair's derived rate, publication by operators.</summary>
internal static class FxRateEndpoints
{
    public static void MapFxRateEndpoints(this IEndpointRouteBuilder routes)
    {
        var rates = routes.MapGroup("/api/payment/fx/rates").WithTags("FX");
        rates.MapGet("/", ListRates).RequireAuthorization(HubPolicies.SmeOrOperator);
        rates.MapGet("/{base}/{quote}", GetRate).RequireAuthorization(HubPolicies.SmeOrOperator);
        rates.MapPut("/{base}/{quote}", PublishRate).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Ok<List<FxRateResponse>>> ListRates(RateBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok((await book.CurrentAsync(cancellationToken)).Select(r => FxRateResponse.From(r.Rate, "published", r.Source, r.AsOf)).ToList());

    private static async Task<Results<Ok<FxRateResponse>, ProblemHttpResult>> GetRate(string @base, string quote, RateBook book, CancellationToken cancellationToken)
    {
        try
        {
            var from = Input.Currency("base", @base);
            var to = Input.Currency("quote", quote);
            var published = await book.CurrentAsync(cancellationToken);
            var rate = RateBook.Resolve(published, from, to);
            if (rate is null)
            {
                return Problems.NotFound($"No rate converts {from} to {to}.");
            }

            var publication = RateBook.Publication(published, from, to);
            var direct = publication?.BaseCurrency == from.Code ? publication : null;
            var derivation = direct is not null ? "published" : publication is not null ? "inverted" : "cross via " + RateBook.Pivot;
            return TypedResults.Ok(FxRateResponse.From(rate, derivation, direct?.Source, direct?.AsOf));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }

    private static async Task<Results<Ok<FxRateResponse>, ProblemHttpResult>> PublishRate(
        string @base, string quote, PublishRateRequest request, Caller caller, RateBook book, TimeProvider clock, CancellationToken cancellationToken)
    {
        QuotedRate rate;
        try
        {
            rate = QuotedRate.Of(Input.Currency("base", @base), Input.Currency("quote", quote), request.Bid, request.Ask);
            _ = rate.Invert();  // a rate whose inverse is below the rate scale could not price the other direction
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
        catch (ArgumentException ex)
        {
            return Problems.Invalid("bid", ex.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var asOf = request.AsOf?.ToUniversalTime() ?? now;
        if (asOf > now.AddMinutes(5))
        {
            return Problems.Invalid("asOf", "A rate cannot be quoted in the future.");
        }

        var source = string.IsNullOrWhiteSpace(request.Source) ? $"operator {caller.Subject}" : request.Source.Trim();
        if (source.Length > 200)
        {
            return Problems.Invalid("source", "The source is at most 200 characters.");
        }

        try
        {
            var published = await book.PublishAsync(rate, source, asOf, now, cancellationToken);
            return TypedResults.Ok(FxRateResponse.From(rate, "published", published.Source, published.AsOf));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }
}

internal sealed record PublishRateRequest(decimal Bid, decimal Ask, string? Source, DateTime? AsOf);

internal sealed record FxRateResponse(string Base, string Quote, decimal Bid, decimal Ask, decimal Mid, string Derivation, string? Source, DateTime? AsOf)
{
    public static FxRateResponse From(QuotedRate rate, string derivation, string? source, DateTime? asOf) =>
        new(rate.Base.Code, rate.Quote.Code, rate.Bid, rate.Ask, rate.Mid, derivation, source, asOf);
}
