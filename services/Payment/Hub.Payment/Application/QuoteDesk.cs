using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Fx;
using Hub.Payment.Domain.Terms;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>Issues locked FX quotes to buyers.</summary>
internal sealed class QuoteDesk(PaymentDbContext db, RateBook rates, TermsBook terms, TimeProvider clock)
{
    /// <summary>Locks a quote for the buyer, with the terms in force it was priced under.</summary>
    /// <exception cref="PaymentException">
    /// No rate for the pair, one too small to price at the rate scale, or a price beyond the largest amount.
    /// </exception>
    public async Task<(FxQuote Quote, PaymentTerms Terms)> QuoteAsync(CompanyId buyer, CurrencyCode pay, Money settlement, CancellationToken cancellationToken)
    {
        var current = await terms.CurrentAsync(cancellationToken);
        var market = await rates.FindAsync(pay, settlement.Currency, cancellationToken);
        if (market is null && pay != settlement.Currency)
        {
            throw new PaymentException(PaymentErrorKind.Invalid, "no-rate", $"No rate converts {pay} to {settlement.Currency}.", "payCurrency");
        }

        QuoteCalculation calculation;
        try
        {
            calculation = QuoteCalculation.For(pay, settlement, market, current.FxMarginBps);
        }
        catch (ArgumentException ex) when (ex.ParamName == "market")
        {
            throw new PaymentException(PaymentErrorKind.Invalid, "no-rate",
                $"{pay}/{settlement.Currency} {market?.Bid} less the {current.FxMarginBps} bps margin is below the smallest rate {RateRounding.Decimals} decimals carry.", "payCurrency");
        }

        var quote = FxQuote.Lock(buyer, calculation, clock.GetUtcNow().UtcDateTime, current.QuoteLock);
        db.FxQuotes.Add(quote);
        await db.SaveChangesAsync(cancellationToken);
        return (quote, current);
    }

    public Task<FxQuote?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.FxQuotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
}
