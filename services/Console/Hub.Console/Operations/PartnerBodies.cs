namespace Hub.Console.Operations;

/// <summary>What this hub and a partner hub owe each other in a currency, as payment answers <c>GET /api/payment/partners</c>.</summary>
internal sealed record PartnerBalanceBody(string Hub, string Currency, MinorMoney OwedToPartner, MinorMoney OwedByPartner);

/// <summary>A recorded bank transfer between the hubs, and the balance after it.</summary>
internal sealed record PartnerSettlementBody(Guid PostingId, bool Replayed, PartnerBalanceBody Balance);
