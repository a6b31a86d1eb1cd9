using Hub.ServiceDefaults.Validation;

namespace Hub.Logistics.Data;

/// <summary>The digits a lane's figures are kept to: its columns are declared with them and lane requests checked against them.</summary>
internal static class LaneColumns
{
    /// <summary>The fill share that closes a pool early (0.9).</summary>
    public static NumericColumn EarlyCloseFill { get; } = new(5, 4);

    /// <summary>cm³ per chargeable kg (6000).</summary>
    public static NumericColumn VolumetricDivisor { get; } = new(10, 2);

    /// <summary>Freight rates: the shared rate per chargeable kg, a container's full-load rate.</summary>
    public static NumericColumn Rate { get; } = new(18, 4);

    /// <summary>A container's usable volume in m³.</summary>
    public static NumericColumn VolumeM3 { get; } = new(10, 3);

    /// <summary>A container's payload in kg.</summary>
    public static NumericColumn PayloadKg { get; } = new(12, 3);
}
