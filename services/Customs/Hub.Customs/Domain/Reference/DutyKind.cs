namespace Hub.Customs.Domain.Reference;

internal enum DutyKind
{
    /// <summary>A percentage of the customs value.</summary>
    AdValorem,

    /// <summary>An amount of the hub's currency per unit of quantity.</summary>
    Specific,
}
