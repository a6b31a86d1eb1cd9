using Hub.Contracts.Values;
using Hub.Logistics.Domain.Freight;

namespace Hub.Logistics.Domain.Lanes;

/// <summary>
/// Origin hub → destination hub by air or sea: its cut-off schedule, the container or ULD types it offers and its
/// rate card. All of it is operator data, dated: the terms in force, and revisions scheduled to replace them.
/// </summary>
internal sealed class Lane
{
    /// <summary>How many revisions a lane keeps scheduled at most.</summary>
    public const int MaxScheduled = 12;

    private List<ContainerType> _containers = [];
    private List<ScheduledLaneTerms> _scheduled = [];

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

    /// <summary>Revisions not yet in force when the lane was last saved, earliest first.</summary>
    public IReadOnlyList<ScheduledLaneTerms> Scheduled => [.. _scheduled.OrderBy(s => s.ValidFrom)];

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

    /// <summary>
    /// Takes the latest scheduled revision whose time has come as the terms in force, and forgets every one that came
    /// due. Loads of the lane call it before using its terms, so a revision applies from its own time whether or not
    /// the lane was saved since.
    /// </summary>
    public void ApplyDue(DateTime now)
    {
        var due = _scheduled.Where(s => s.ValidFrom <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        Revise(due.MaxBy(s => s.ValidFrom)!.Terms);
        _scheduled.RemoveAll(due.Contains);
    }

    /// <summary>
    /// Schedules terms that come into force at their <see cref="LaneTerms.ValidFrom"/>, after <paramref name="now"/>;
    /// they replace a revision scheduled for the same time.
    /// </summary>
    public ScheduledLaneTerms Schedule(LaneTerms terms, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validate();
        if (terms.ValidFrom <= now)
        {
            throw new ArgumentException("Scheduled terms come into force after now; revise the lane for terms in force at once.", nameof(terms));
        }

        if (!HasRoomFor(terms.ValidFrom))
        {
            throw new InvalidOperationException($"Lane {Code} has {MaxScheduled} revisions scheduled already.");
        }

        _scheduled.RemoveAll(s => s.ValidFrom == terms.ValidFrom);

        var scheduled = ScheduledLaneTerms.For(terms, now);
        _scheduled.Add(scheduled);
        return scheduled;
    }

    /// <summary>Whether a revision for <paramref name="validFrom"/> can be scheduled: it replaces one, or there is room.</summary>
    public bool HasRoomFor(DateTime validFrom) => _scheduled.Count < MaxScheduled || _scheduled.Any(s => s.ValidFrom == validFrom);

    /// <summary>Withdraws a scheduled revision; false if the lane has none with that id.</summary>
    public bool Unschedule(Guid id) => _scheduled.RemoveAll(s => s.Id == id) > 0;

    /// <summary>Replaces schedule, containers and rate card with a new version, in force from now.</summary>
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
