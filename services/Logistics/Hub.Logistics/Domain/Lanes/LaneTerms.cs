using Hub.Contracts.Values;

namespace Hub.Logistics.Domain.Lanes;

/// <summary>The operator-managed part of a lane: schedule, containers and rate card.</summary>
internal sealed record LaneTerms(
    IReadOnlyList<int> CutOffWeekdays,
    TimeOnly CutOffTimeUtc,
    decimal EarlyCloseFill,
    decimal VolumetricDivisor,
    CurrencyCode Currency,
    decimal SharedRate,
    DateTime ValidFrom,
    IReadOnlyList<ContainerType> Containers)
{
    public void Validate()
    {
        if (CutOffWeekdays.Count == 0 || CutOffWeekdays.Any(d => d is < 0 or > 6))
        {
            throw new ArgumentException("Cut-off weekdays are 0 (Sunday) to 6, at least one.", nameof(CutOffWeekdays));
        }

        if (EarlyCloseFill is <= 0 or > 1)
        {
            throw new ArgumentException("The early-close fill is a share above 0 and at most 1.", nameof(EarlyCloseFill));
        }

        if (VolumetricDivisor <= 0 || SharedRate < 0)
        {
            throw new ArgumentException("The volumetric divisor must be positive and the shared rate not negative.", nameof(SharedRate));
        }

        if (Containers.Count == 0 || Containers.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != Containers.Count)
        {
            throw new ArgumentException("A lane offers at least one container type, each code once.", nameof(Containers));
        }
    }
}
