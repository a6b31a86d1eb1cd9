using Hub.Customs.Data;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Screening;
using Hub.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Application;

/// <summary>Screens names against this hub's denied-party list as it stands: declarations' parties, and payees before an escrow's release.</summary>
internal sealed class PartyScreening(CustomsDbContext db, ServiceIdentity identity)
{
    /// <summary>The best match among <paramref name="names"/>, with the list version and threshold it was judged on.</summary>
    /// <exception cref="MissingReferenceDataException">The hub keeps no denied-party list.</exception>
    public async Task<ScreeningResult> ScreenAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var hub = identity.Hub.ToString();
        var list = await db.ScreeningLists.AsNoTracking().FirstOrDefaultAsync(l => l.Hub == hub, cancellationToken)
            ?? throw new MissingReferenceDataException("screening", $"Hub {hub} has no denied-party list; nothing can be screened.");
        var parties = await db.DeniedParties.AsNoTracking().ToListAsync(cancellationToken);
        return Screener.Screen(names, parties, list.Version, list.Threshold);
    }
}
