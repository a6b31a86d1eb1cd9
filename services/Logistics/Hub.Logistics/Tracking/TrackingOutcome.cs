namespace Hub.Logistics.Tracking;

internal enum TrackingOutcome
{
    Recorded,
    NotFound,
    IllegalTransition,
    UnknownKind,

    /// <summary>The time given is before the milestone it follows (400 on <c>occurredAt</c>).</summary>
    OutOfOrder,

    /// <summary>Another request changed the record first (409): the caller reads it again.</summary>
    ChangedMeanwhile,
}
