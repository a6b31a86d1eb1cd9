using Hub.Contracts.Values;
using Hub.Customs.Domain.Declarations;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Application;

/// <summary>A declaration as the caller sent it, already parsed and checked field by field.</summary>
internal sealed record DeclarationDraft(
    DeclarationType Type,
    string Lrn,
    OrderId OrderId,
    Party Exporter,
    Party Importer,
    Party Declarant,
    Incoterm Incoterm,
    string? Place,
    string? InvoiceNumber,
    CurrencyCode InvoiceCurrency,
    decimal Freight,
    decimal Insurance,
    TradeChannel Channel,
    string? Buyer,
    IReadOnlyList<DraftItem> Items,
    Transport Transport)
{
    public LandedCostRequest ToLandedCostRequest(HubId destination, DateOnly date) =>
        new(destination, InvoiceCurrency, Incoterm, Freight, Insurance, Channel, Buyer, date, [.. Items.Select(i => i.Line)]);
}

/// <summary>A goods item of a draft: the line to value plus what only the declaration records.</summary>
internal sealed record DraftItem(GoodsLine Line, string Description, decimal? NetMassKg, decimal? GrossMassKg);
