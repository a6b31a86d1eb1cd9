using Hub.Order.Application;
using Hub.Order.Domain;
using Hub.Order.V1;

namespace Hub.Order.Endpoints;

internal static class OrderMapping
{
    public static OrderResponse ToResponse(this TradeOrder o, bool withTimeline) => new(
        o.Id,
        o.PurchaseId,
        o.Status.ToString(),
        o.BuyerCompany,
        o.SupplierCompany,
        o.SupplierId,
        o.SupplierHub,
        o.Incoterm,
        o.NamedPlace,
        o.Mode,
        new MoneyResponse(o.GoodsTotalMinor, o.Currency),
        new MoneyResponse(o.BuyerTotalMinor, o.BuyerCurrency),
        o.FxQuoteId,
        o.FxQuoteExpiresAt,
        new MoneyResponse(o.FreightMinor, o.FreightCurrency),
        new MoneyResponse(o.DutiesMinor, o.DutiesCurrency),
        o.FailureReason,
        o.ConsignmentId,
        o.PlacedAt,
        o.UpdatedAt,
        o.DueBy,
        [.. o.Lines.Select(l => new LineResponse(l.ProductId, l.Quantity, l.UnitPriceMinor, l.Currency, l.PriceVersion, l.LineTotalMinor))],
        withTimeline ? [.. o.Timeline.OrderBy(t => t.Sequence).Select(t => new TimelineResponse(t.Sequence, t.At, t.Hub, t.Step, t.Cause, t.Detail))] : null);

    /// <summary>An order another hub owns, as that hub showed it.</summary>
    public static OrderResponse ToResponse(this OrderView o) => new(
        o.OrderId,
        Guid.Parse(o.PurchaseId),
        o.Status,
        o.BuyerCompany,
        o.SupplierCompany,
        o.SupplierId,
        o.SupplierHub,
        o.Incoterm,
        o.NamedPlace,
        o.Mode,
        new MoneyResponse(o.GoodsTotalMinor, o.Currency),
        new MoneyResponse(o.BuyerTotalMinor, o.BuyerCurrency),
        o.FxQuoteId,
        o.FxQuoteExpiresAt.ToDateTime(),
        new MoneyResponse(o.FreightMinor, o.FreightCurrency),
        new MoneyResponse(o.DutiesMinor, o.DutiesCurrency),
        o.FailureReason.Length == 0 ? null : o.FailureReason,
        o.ConsignmentId.Length == 0 ? null : o.ConsignmentId,
        o.PlacedAt.ToDateTime(),
        o.UpdatedAt.ToDateTime(),
        o.DueBy?.ToDateTime(),
        [.. o.Lines.Select(l => new LineResponse(l.ProductId, l.Quantity, l.UnitPriceMinor, l.Currency, l.PriceVersion, l.LineTotalMinor))],
        o.Timeline.Count == 0 ? null : [.. o.Timeline.Select(t => new TimelineResponse(t.Sequence, t.At.ToDateTime(), t.Hub, t.Step, t.Cause, t.Detail.Length == 0 ? null : t.Detail))]);

    public static PurchaseResponse ToResponse(this Purchase p) =>
        new(p.Id, p.BuyerCompany, p.CreatedAt, [.. p.Orders.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => o.ToResponse(withTimeline: false))]);

    public static CheckoutResponse ToResponse(this CartPricing pricing, string incoterm, string buyerCurrency, Guid checkoutId, DateTime placeBy)
    {
        var (freightPaidBy, dutiesPaidBy) = (IncotermCosts.FreightPaidBy(incoterm), IncotermCosts.DutiesPaidBy(incoterm));
        var suppliers = pricing.Suppliers.Select(s => new SupplierQuoteResponse(
            s.SupplierId, s.SupplierCompany, s.SupplierHub, s.Currency, s.GoodsTotalMinor, s.Lines, s.BuyerTotalMinor, s.FxQuoteId, s.FxQuoteExpiresAt, s.FxRate,
            s.Freight, s.Duties, freightPaidBy, dutiesPaidBy, s.ShipWithinDays, s.ProtectionDays)).ToList();

        // The seller's costs are in its prices; the buyer's own are added, each in its currency.
        var buyers = pricing.Suppliers
            .SelectMany(s => new[] { (Cost: s.Freight, PaidBy: freightPaidBy), (Cost: s.Duties, PaidBy: dutiesPaidBy) })
            .Where(c => c.PaidBy == IncotermCosts.Buyer && c.Cost.MinorUnits != 0)
            .Select(c => c.Cost)
            .ToList();
        var extras = buyers.Where(m => m.Currency != buyerCurrency)
            .GroupBy(m => m.Currency).Select(g => new MoneyResponse(g.Sum(m => m.MinorUnits), g.Key)).ToList();
        var grand = pricing.Suppliers.Sum(s => s.BuyerTotalMinor) + buyers.Where(m => m.Currency == buyerCurrency).Sum(m => m.MinorUnits);
        return new CheckoutResponse(checkoutId, placeBy, buyerCurrency, suppliers, grand, extras);
    }
}
