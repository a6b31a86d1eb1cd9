namespace Hub.Logistics.Domain.Planning;

/// <summary>The cartons of one consignment loaded into one container (all of them unless the consignment is split).</summary>
internal sealed record PlannedPart(string ConsignmentId, IReadOnlyList<int> CartonIndexes, Load Load);
