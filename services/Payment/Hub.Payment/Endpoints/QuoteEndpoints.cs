using Hub.Payment.Application;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Fx;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Payment.Endpoints;

/// <summary>Locked FX quotes: SMEs take them for their own company; a quote is visible to its buyer and operators.</summary>
internal static class QuoteEndpoints
{
    public static void MapQuoteEndpoints(this IEndpointRouteBuilder routes)
    {
        var quotes = routes.MapGroup("/api/payment/quotes").WithTags("FX");
        quotes.MapPost("/", TakeQuote).RequireAuthorization(HubPolicies.Sme);
        quotes.MapGet("/{id}", GetQuote).RequireAuthorization(HubPolicies.SmeOrOperator);
    }

    private static async Task<Results<Created<QuoteResponse>, ProblemHttpResult>> TakeQuote(QuoteRequest request, Caller caller, QuoteDesk desk, CancellationToken cancellationToken)
    {
        try
        {
            var pay = Input.Currency("payCurrency", request.PayCurrency);
            var requested = Input.Required("settlement", request.Settlement);
            var settlement = Input.Amount("settlement", requested.MinorUnits, requested.Currency);
            var (quote, _) = await desk.QuoteAsync(caller.Company!.Value, pay, settlement, cancellationToken);
            return TypedResults.Created($"/api/payment/quotes/{quote.Id}", QuoteResponse.From(quote));
        }
        catch (PaymentException ex)
        {
            return Problems.From(ex);
        }
    }

    private static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult>> GetQuote(Guid id, Caller caller, QuoteDesk desk, CancellationToken cancellationToken)
    {
        var quote = await desk.FindAsync(id, cancellationToken);
        return quote is not null && Visible(caller, quote.BuyerCompany)
            ? TypedResults.Ok(QuoteResponse.From(quote))
            : Problems.NotFound($"No quote {id}.");
    }

    private static bool Visible(Caller caller, string company) => caller.IsOperator || caller.Company?.ToString() == company;
}

internal sealed record QuoteRequest(string? PayCurrency, MoneyDto? Settlement);

internal sealed record QuoteResponse(Guid Id, string BuyerCompany, MoneyDto Pay, MoneyDto Settlement, decimal Rate, decimal MarketRate, int MarginBps, DateTime ExpiresAt, string? UsedByOrder)
{
    public static QuoteResponse From(FxQuote q) =>
        new(q.Id, q.BuyerCompany, MoneyDto.From(q.Pay), MoneyDto.From(q.Settlement), RateRounding.Normalize(q.Rate), RateRounding.Normalize(q.MarketRate), q.MarginBps, q.ExpiresAt, q.UsedByOrder);
}
