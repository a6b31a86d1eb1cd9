using Hub.Payment.Data;
using Hub.Payment.Domain.Terms;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>The terms in effect now.</summary>
internal sealed class TermsBook(PaymentDbContext db, TimeProvider clock)
{
    public async Task<PaymentTerms> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Terms.AsNoTracking()
            .Where(t => t.EffectiveFrom <= now)
            .OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("No payment terms are in effect; the migration seeds them.");
    }
}
