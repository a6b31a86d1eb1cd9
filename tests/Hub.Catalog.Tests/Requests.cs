using Hub.Catalog.Endpoints;

namespace Hub.Catalog.Tests;

/// <summary>Valid product requests to start from; tests change what they are about with <c>with</c>.</summary>
internal static class Requests
{
    public static ProductRequest Product(
        string title = "무선 이어폰",
        string description = "블루투스 5.3, 노이즈 캔슬링",
        int moq = 10,
        int stock = 100,
        string hs = "851830",
        string origin = "KR",
        params PriceTierDto[] tiers) => new(
        [new ProductTextDto("ko", title, description)],
        hs,
        [],
        origin,
        new UnitMeasuresDto(0.2m, 0.25m, 10m, 8m, 4m),
        new PackagingDto(50, 45m, 35m, 25m, 13.5m),
        moq,
        14,
        new PricesDto("KRW", tiers.Length > 0 ? tiers : [new PriceTierDto(moq, 12_000m), new PriceTierDto(moq * 10, 10_500m)]),
        stock,
        5);
}
