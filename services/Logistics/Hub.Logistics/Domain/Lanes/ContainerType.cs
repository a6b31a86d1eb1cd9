using Hub.Logistics.Domain.Planning;

namespace Hub.Logistics.Domain.Lanes;

/// <summary>A container or ULD type offered on a lane, with what one unit costs as a full load.</summary>
internal sealed class ContainerType
{
    public ContainerType(string code, decimal usableVolumeM3, decimal payloadKg, decimal fullLoadRate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(usableVolumeM3);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(payloadKg);
        ArgumentOutOfRangeException.ThrowIfNegative(fullLoadRate);
        Code = code;
        UsableVolumeM3 = usableVolumeM3;
        PayloadKg = payloadKg;
        FullLoadRate = fullLoadRate;
    }

    public string Code { get; }

    public decimal UsableVolumeM3 { get; }

    public decimal PayloadKg { get; }

    /// <summary>Price of one unit as a full load, in the lane's currency.</summary>
    public decimal FullLoadRate { get; }

    public ContainerSpec ToSpec() => ContainerSpec.FromMetric(Code, UsableVolumeM3, PayloadKg);
}
