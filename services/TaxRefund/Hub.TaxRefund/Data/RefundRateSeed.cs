using Hub.TaxRefund.Domain;

namespace Hub.TaxRefund.Data;

/// <summary>
/// The schedules the hub starts with (operators change them through the API). CN: refunds per HS code in tiers of
/// 13/9/6/0 %, with the 2024-12-01 cut (aluminium to 0 %, photovoltaic cells and batteries 13 → 9 %) and the 2026-04-01
/// change (photovoltaic cells to 0 %, batteries 9 → 6 %); everything else 13 %, agricultural goods 9 %.
/// KR: exports are zero-rated and input VAT is refunded at the full 10 %.
/// </summary>
internal static class RefundRateSeed
{
    private static readonly DateOnly Start = new(2019, 4, 1);
    private static readonly DateOnly Cut2024 = new(2024, 12, 1);
    private static readonly DateOnly Cut2026 = new(2026, 4, 1);

    public static RefundRate[] Rates { get; } =
    [
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000001"), "CN", "", 0.13m, Start, null),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000002"), "CN", "09", 0.09m, Start, null),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000003"), "CN", "7601", 0.13m, Start, Cut2024),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000004"), "CN", "7601", 0m, Cut2024, null),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000005"), "CN", "8541", 0.13m, Start, Cut2024),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000006"), "CN", "8541", 0.09m, Cut2024, Cut2026),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000007"), "CN", "8541", 0m, Cut2026, null),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000008"), "CN", "8507", 0.13m, Start, Cut2024),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-000000000009"), "CN", "8507", 0.09m, Cut2024, Cut2026),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-00000000000a"), "CN", "8507", 0.06m, Cut2026, null),
        new(Guid.Parse("6f1d2a10-0000-4000-8000-00000000000b"), "KR", "", 0.10m, new DateOnly(2000, 1, 1), null),
    ];
}
