using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>
/// A consignment cannot be shipped as booked (e.g. a carton larger or heavier than every container of its lane) and
/// was set aside with the reason; its pool is planned without it. The order needs new packing or another lane.
/// </summary>
/// <param name="ConsignmentId">The consignment, e.g. <c>KR-C-000001</c>.</param>
/// <param name="OrderId">The order it carries.</param>
/// <param name="CompanyId">The supplier's company.</param>
/// <param name="Reason">Why it cannot be shipped, for people.</param>
/// <param name="FlaggedAt">When it was flagged (UTC).</param>
[CrossesHubs]
public sealed record ConsignmentFlagged(string ConsignmentId, string OrderId, string CompanyId, string Reason, DateTime FlaggedAt);
