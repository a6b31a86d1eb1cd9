namespace Hub.Logistics.Tracking;

internal enum TrackingOutcome
{
    Recorded,
    NotFound,
    IllegalTransition,
    UnknownKind,

    /// <summary>Another request changed the record first (409): the caller reads it again.</summary>
    ChangedMeanwhile,
}
