using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>
/// A consignment left its pool before it was planned because its order will not ship (cancelled or failed): it is
/// never loaded and bears no freight. Published once per consignment.
/// </summary>
/// <param name="ConsignmentId">The consignment, e.g. <c>KR-C-000001</c>.</param>
/// <param name="OrderId">The order it carried.</param>
/// <param name="CompanyId">The supplier's company.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="CancelledAt">When it was cancelled (UTC).</param>
[CrossesHubs]
public sealed record ConsignmentCancelled(string ConsignmentId, string OrderId, string CompanyId, string Reason, DateTime CancelledAt);
