using System.Globalization;
using System.Text.Json;
using Hub.Contracts.Values;

namespace Hub.Logistics.Domain.Lanes;

/// <summary>
/// A lane revision an operator saved ahead of its time: the whole terms (schedule, containers, rate card), kept as one
/// document until they come into force.
/// </summary>
internal sealed class ScheduledLaneTerms
{
    private ScheduledLaneTerms()
    {
        Document = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>When the terms come into force (UTC).</summary>
    public DateTime ValidFrom { get; private set; }

    /// <summary>When the operator scheduled them (UTC).</summary>
    public DateTime ScheduledAt { get; private set; }

    /// <summary>The terms as JSON: see <see cref="Stored"/>.</summary>
    public string Document { get; private set; }

    public LaneTerms Terms => Read(Document, ValidFrom);

    public static ScheduledLaneTerms For(LaneTerms terms, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ValidFrom = terms.ValidFrom,
        ScheduledAt = now,
        Document = JsonSerializer.Serialize(new Stored(
            [.. terms.CutOffWeekdays],
            terms.CutOffTimeUtc.ToString("HH:mm", CultureInfo.InvariantCulture),
            terms.EarlyCloseFill,
            terms.VolumetricDivisor,
            terms.Currency.Code,
            terms.SharedRate,
            [.. terms.Containers.Select(c => new StoredContainer(c.Code, c.UsableVolumeM3, c.PayloadKg, c.FullLoadRate))])),
    };

    private static LaneTerms Read(string document, DateTime validFrom)
    {
        var stored = JsonSerializer.Deserialize<Stored>(document) ?? throw new InvalidOperationException("A scheduled lane revision keeps no terms.");
        return new LaneTerms(
            stored.CutOffWeekdays,
            TimeOnly.ParseExact(stored.CutOffTimeUtc, "HH:mm", CultureInfo.InvariantCulture),
            stored.EarlyCloseFill,
            stored.VolumetricDivisor,
            CurrencyCode.Parse(stored.Currency),
            stored.SharedRate,
            validFrom,
            [.. stored.Containers.Select(c => new ContainerType(c.Code, c.UsableVolumeM3, c.PayloadKg, c.FullLoadRate))]);
    }

    private sealed record Stored(
        int[] CutOffWeekdays, string CutOffTimeUtc, decimal EarlyCloseFill, decimal VolumetricDivisor, string Currency, decimal SharedRate, StoredContainer[] Containers);

    private sealed record StoredContainer(string Code, decimal UsableVolumeM3, decimal PayloadKg, decimal FullLoadRate);
}
