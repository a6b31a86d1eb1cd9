using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Contracts.Values;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.Order.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Order.Application;

/// <summary>
/// The checkouts buyers were answered. A placement that names one takes its suppliers as they were priced — the
/// prices, freight, duties and FX quotes the buyer saw — instead of pricing the cart again.
/// </summary>
internal sealed class CheckoutBook(OrderDbContext db, IOptions<OrderOptions> options, TimeProvider clock)
{
    /// <summary>Keeps a priced cart; it can be placed until its first FX quote expires.</summary>
    public async Task<Checkout> KeepAsync(CompanyId buyer, CartRequest cart, IReadOnlyList<PricedSupplier> suppliers, CancellationToken cancellationToken)
    {
        var checkout = new Checkout(
            Guid.CreateVersion7(),
            buyer.ToString(),
            CartHash(cart),
            JsonSerializer.Serialize(suppliers),
            clock.GetUtcNow().UtcDateTime,
            suppliers.Min(s => s.FxQuoteExpiresAt));
        db.Checkouts.Add(checkout);
        await db.SaveChangesAsync(cancellationToken);
        return checkout;
    }

    /// <summary>
    /// Until when a checkout is placed: <c>Order:CheckoutPaymentWindow</c> before its first FX quote expires, leaving
    /// the payment after the placement time to use the quote.
    /// </summary>
    public DateTime PlaceBy(Checkout checkout) => checkout.ExpiresAt - options.Value.CheckoutPaymentWindow;

    /// <summary>
    /// The suppliers of the buyer's checkout the cart names, as they were priced; or why it cannot be placed (field
    /// errors for a checkout that is not the buyer's, priced another cart or expires too soon; a conflict for one
    /// already placed).
    /// </summary>
    public async Task<CheckoutAcceptance> AcceptAsync(CompanyId buyer, CartRequest cart, CancellationToken cancellationToken)
    {
        var id = cart.CheckoutId ?? throw new ArgumentException("The cart names no checkout.", nameof(cart));
        // The checkout and the purchase that placed it, if one did, in one round trip.
        var company = buyer.ToString();
        var found = await db.Checkouts.AsNoTracking()
            .Where(c => c.Id == id && c.BuyerCompany == company)
            .Select(c => new { Checkout = c, Purchase = db.Purchases.Where(p => p.CheckoutId == c.Id).Select(p => (Guid?)p.Id).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is not { Checkout: var checkout })
        {
            return CheckoutAcceptance.Refused($"There is no checkout {id} of company {buyer}.");
        }

        if (checkout.CartHash != CartHash(cart))
        {
            return CheckoutAcceptance.Refused($"Checkout {id} priced another cart: place the cart it priced, or check this one out.");
        }

        var placeBy = PlaceBy(checkout);
        if (clock.GetUtcNow().UtcDateTime >= placeBy)
        {
            return CheckoutAcceptance.Refused(
                $"Checkout {id} could be placed until {placeBy:O} (its FX quotes expire at {checkout.ExpiresAt:O}); check the cart out again.");
        }

        if (found.Purchase is { } purchase)
        {
            return CheckoutAcceptance.Placed(id, purchase);
        }

        var suppliers = JsonSerializer.Deserialize<List<PricedSupplier>>(checkout.Pricing)
            ?? throw new InvalidOperationException($"Checkout {id} keeps no pricing.");
        return new CheckoutAcceptance(suppliers, null, null);
    }

    /// <summary>Removes checkouts that expired longer ago than the retention; how many it removed.</summary>
    public Task<int> RemoveExpiredAsync(int batch, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.ExpiredCheckoutRetention;
        return db.Checkouts.Where(c => c.ExpiresAt < before).OrderBy(c => c.ExpiresAt).Take(batch).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// A hash of the cart's goods and terms (not of the checkout it names), the named place as the order keeps it
    /// (trimmed): a repeat that spaces it otherwise is the same cart. It reads as the request hash of a placement
    /// without a checkout always did, so a key sent before checkouts were kept still replays.
    /// </summary>
    internal static string CartHash(CartRequest cart) =>
        Sha256(JsonSerializer.Serialize(new { cart.Incoterm, NamedPlace = cart.NamedPlace?.Trim(), cart.Mode, cart.Lines }));

    /// <summary>A hash of a placement's request: the cart and the checkout it names.</summary>
    internal static string RequestHash(CartRequest cart) =>
        cart.CheckoutId is { } checkout ? Sha256($"{CartHash(cart)} checkout {checkout}") : CartHash(cart);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A checkout accepted for placement (its priced suppliers), refused (field errors), or already placed.</summary>
internal sealed record CheckoutAcceptance(IReadOnlyList<PricedSupplier>? Suppliers, Dictionary<string, string[]>? Errors, string? Conflict)
{
    public static CheckoutAcceptance Refused(string reason) => new(null, new Dictionary<string, string[]> { ["checkoutId"] = [reason] }, null);

    public static CheckoutAcceptance Placed(Guid checkout, Guid purchase) => new(null, null, $"Checkout {checkout} was placed already, as purchase {purchase}.");
}
