namespace Hub.Logistics.Tracking;

internal enum TrackingOutcome
{
    Recorded,
    NotFound,
    IllegalTransition,
    UnknownKind,
}
