using Hub.Contracts.Values;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>One goods line to value: its invoice value is in the consignment's invoice currency.</summary>
internal sealed record GoodsLine(HsCode Code, CountryCode Origin, decimal Quantity, string Unit, decimal Value, CertificateOfOrigin? Certificate = null);
