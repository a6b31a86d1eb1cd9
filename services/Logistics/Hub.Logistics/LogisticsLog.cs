namespace Hub.Logistics;

internal static partial class LogisticsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Consignment {Consignment} for order {Order} booked on lane {Lane}: {Status}")]
    public static partial void ConsignmentBooked(ILogger logger, string consignment, string order, string lane, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consignment {Consignment} for order {Order} cancelled: {Reason}")]
    public static partial void ConsignmentCancelled(ILogger logger, string consignment, string order, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pool {Pool} on lane {Lane} planned ({Reason}): {Mode} in {Containers} × {Container}, lower bound {LowerBound}, FFD {Ffd}, fill {VolumeFill:P1} by volume / {WeightFill:P1} by weight, {Split} split, {Flagged} flagged, {RuntimeMs:0.0} ms by {Method}")]
    public static partial void PoolPlanned(
        ILogger logger, Guid pool, string lane, string reason, string mode, int containers, string container, int lowerBound, int ffd,
        double volumeFill, double weightFill, int split, int flagged, double runtimeMs, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {Pool} changed while it was being planned; planning it again")]
    public static partial void PoolPlannedConcurrently(ILogger logger, Guid pool);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing pool {Pool} failed; the cut-off service will retry")]
    public static partial void PoolCloseFailed(ILogger logger, Exception exception, Guid pool);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment {MasterBill}: {Kind} recorded by {By}")]
    public static partial void ShipmentTracked(ILogger logger, string masterBill, string kind, string by);
}
