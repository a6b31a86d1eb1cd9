using Hub.Contracts.Values;
using Hub.Logistics.Domain.Freight;

namespace Hub.Logistics.Domain.Lanes;

/// <summary>
/// Origin hub → destination hub by air or sea: its cut-off schedule, the container or ULD types it offers and its
/// rate card. All of it is operator data.
/// </summary>
internal sealed class Lane
{
    private List<ContainerType> _containers = [];

    private Lane()
    {
        Code = Origin = Destination = Currency = string.Empty;
        CutOffWeekdays = [];
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. <c>KR-CN-SEA</c>.</summary>
    public string Code { get; private set; }

    public string Origin { get; private set; }

    public string Destination { get; private set; }

    public TransportMode Mode { get; private set; }

    /// <summary>Weekdays (0 = Sunday) on which the pool closes, at <see cref="CutOffTimeUtc"/>.</summary>
    public int[] CutOffWeekdays { get; private set; }

    public TimeOnly CutOffTimeUtc { get; private set; }

    /// <summary>Share (0–1] of the largest container that, once the pool reaches it, closes the pool before cut-off.</summary>
    public decimal EarlyCloseFill { get; private set; }

    /// <summary>Air volumetric divisor (cm³ per kg), 6000 by IATA convention.</summary>
    public decimal VolumetricDivisor { get; private set; }

    /// <summary>The rate card's currency.</summary>
    public string Currency { get; private set; }

    /// <summary>Shared-space rate per chargeable unit (kg by air, revenue ton by sea).</summary>
    public decimal SharedRate { get; private set; }

    public DateTime RatesValidFrom { get; private set; }

    public IReadOnlyList<ContainerType> Containers => _containers;

    public CurrencyCode RateCurrency => CurrencyCode.Parse(Currency);

    public static Lane Create(HubId origin, HubId destination, TransportMode mode, LaneTerms terms)
    {
        if (origin == destination)
        {
            throw new ArgumentException("A lane joins two different hubs.", nameof(destination));
        }

        var lane = new Lane
        {
            Id = Guid.CreateVersion7(),
            Code = CodeFor(origin, destination, mode),
            Origin = origin.ToString(),
            Destination = destination.ToString(),
            Mode = mode,
        };
        lane.Revise(terms);
        return lane;
    }

    public static string CodeFor(HubId origin, HubId destination, TransportMode mode) =>
        $"{origin}-{destination}-{mode.ToString().ToUpperInvariant()}";

    /// <summary>Replaces schedule, containers and rate card with a new version.</summary>
    public void Revise(LaneTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validate();
        CutOffWeekdays = [.. terms.CutOffWeekdays.Distinct().Order()];
        CutOffTimeUtc = terms.CutOffTimeUtc;
        EarlyCloseFill = terms.EarlyCloseFill;
        VolumetricDivisor = terms.VolumetricDivisor;
        Currency = terms.Currency.Code;
        SharedRate = terms.SharedRate;
        RatesValidFrom = terms.ValidFrom;
        _containers = [.. terms.Containers];
    }

    /// <summary>The first cut-off strictly after <paramref name="now"/>.</summary>
    public DateTime NextCutOff(DateTime now)
    {
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(now).AddDays(day);
            var candidate = date.ToDateTime(CutOffTimeUtc, DateTimeKind.Utc);
            if (candidate > now && CutOffWeekdays.Contains((int)date.DayOfWeek))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Lane {Code} has no cut-off day.");
    }

    public decimal ChargeableWeight(IEnumerable<Consignments.Carton> cartons) =>
        Freight.ChargeableWeight.Of(Mode, cartons, VolumetricDivisor);

    public Money SharedSpacePrice(decimal chargeable) =>
        new Money(SharedRate * chargeable, RateCurrency).Round(MoneyRounding.HalfUp);

    /// <summary>The container a pool's fill is measured against: the largest by volume.</summary>
    public ContainerType LargestContainer => _containers.MaxBy(c => c.UsableVolumeM3)
        ?? throw new InvalidOperationException($"Lane {Code} has no container type.");
}
