using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Fx;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>
/// The current rate of any pair: published directly, else the inverse of a published pair, else a cross through USD
/// from the two legs' current rates.
/// </summary>
internal sealed class RateBook(PaymentDbContext db)
{
    public static readonly CurrencyCode Pivot = CurrencyCode.USD;

    /// <summary>The newest publication of every pair.</summary>
    public async Task<IReadOnlyList<FxRate>> CurrentAsync(CancellationToken cancellationToken)
    {
        var all = await db.FxRates.AsNoTracking().ToListAsync(cancellationToken);
        return all.GroupBy(r => (r.BaseCurrency, r.QuoteCurrency))
            .Select(g => g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.RecordedAt).First())
            .OrderBy(r => r.BaseCurrency, StringComparer.Ordinal).ThenBy(r => r.QuoteCurrency, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Records a publication of the pair. It must not be older than the publication in force for the pair in either
    /// direction: that one would go on pricing it, so the new rate would never be used.
    /// </summary>
    /// <exception cref="PaymentException">A publication quoted later than <paramref name="asOf"/> is in force.</exception>
    public async Task<FxRate> PublishAsync(QuotedRate rate, string source, DateTime asOf, DateTime now, CancellationToken cancellationToken)
    {
        if (Publication(await CurrentAsync(cancellationToken), rate.Base, rate.Quote) is { } current && current.AsOf > asOf)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "newer-rate-in-force",
                $"{current.BaseCurrency}/{current.QuoteCurrency} as of {current.AsOf:O} is in force; a rate as of {asOf:O} is older and would not be used.", "asOf");
        }

        var published = FxRate.Publish(rate, source, asOf, now);
        db.FxRates.Add(published);
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }

    /// <summary>FROM/TO, or null when no route exists.</summary>
    public async Task<QuotedRate?> FindAsync(CurrencyCode from, CurrencyCode to, CancellationToken cancellationToken) =>
        Resolve(await CurrentAsync(cancellationToken), from, to);

    /// <summary>FROM/TO, or null when no route exists or its rate is too small for the rate scale.</summary>
    internal static QuotedRate? Resolve(IReadOnlyList<FxRate> published, CurrencyCode from, CurrencyCode to)
    {
        try
        {
            return Route(published, from, to);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static QuotedRate? Route(IReadOnlyList<FxRate> published, CurrencyCode from, CurrencyCode to)
    {
        if (from == to)
        {
            return null;
        }

        if (Leg(published, from, to) is { } direct)
        {
            return direct.Base == from ? direct : direct.Invert();
        }

        if (from == Pivot || to == Pivot || Leg(published, from, Pivot) is not { } first || Leg(published, Pivot, to) is not { } second)
        {
            return null;
        }

        return QuotedRate.Cross(from, to, first.ExactFrom(from), second.ExactFrom(Pivot));
    }

    /// <summary>
    /// The current publication of the pair in either direction: of A/B and B/A, the newer one (A/B when both were quoted
    /// at the same time), so a direction no longer published never outlives the other's newer rates.
    /// </summary>
    internal static FxRate? Publication(IReadOnlyList<FxRate> published, CurrencyCode a, CurrencyCode b)
    {
        var asked = published.FirstOrDefault(r => r.BaseCurrency == a.Code && r.QuoteCurrency == b.Code);
        var inverse = published.FirstOrDefault(r => r.BaseCurrency == b.Code && r.QuoteCurrency == a.Code);
        return asked is null || (inverse is not null && (inverse.AsOf, inverse.RecordedAt).CompareTo((asked.AsOf, asked.RecordedAt)) > 0)
            ? inverse
            : asked;
    }

    private static QuotedRate? Leg(IReadOnlyList<FxRate> published, CurrencyCode a, CurrencyCode b) => Publication(published, a, b)?.Rate;
}
