namespace Hub.Customs.Domain.Reference;

/// <summary>How goods come in: low-value regimes only ever apply to e-commerce parcels.</summary>
internal enum TradeChannel
{
    GeneralTrade,
    ECommerce,
}
