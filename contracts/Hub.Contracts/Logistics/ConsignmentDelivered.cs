using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>A consignment was delivered to the buyer; the order can move towards escrow release.</summary>
/// <param name="ConsignmentId">The consignment, e.g. <c>KR-C-000001</c>.</param>
/// <param name="OrderId">The order it carried.</param>
/// <param name="CompanyId">The supplier's company.</param>
/// <param name="DeliveredAt">When it was delivered (UTC).</param>
[CrossesHubs]
public sealed record ConsignmentDelivered(string ConsignmentId, string OrderId, string CompanyId, DateTime DeliveredAt);
