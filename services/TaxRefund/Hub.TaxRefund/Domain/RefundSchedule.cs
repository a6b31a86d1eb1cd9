namespace Hub.TaxRefund.Domain;

/// <summary>Picks the refund rate in force: the hub's line whose HS prefix is the longest match valid on the export day.</summary>
internal static class RefundSchedule
{
    public static RefundRate? RateFor(IEnumerable<RefundRate> rates, string hub, string hsCode, DateOnly exportDay) =>
        rates
            .Where(r => r.Hub == hub && hsCode.StartsWith(r.HsPrefix, StringComparison.Ordinal) && r.AppliesOn(exportDay))
            .OrderByDescending(r => r.HsPrefix.Length)
            .ThenByDescending(r => r.ValidFrom)
            .FirstOrDefault();
}
