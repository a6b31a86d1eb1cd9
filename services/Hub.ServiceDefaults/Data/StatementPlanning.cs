namespace Hub.ServiceDefaults.Data;

/// <summary>How PostgreSQL plans a service's prepared statements (its <c>plan_cache_mode</c>).</summary>
public enum StatementPlanning
{
    /// <summary>
    /// PostgreSQL's own choice (<c>auto</c>): a statement is planned for its values on its first five executions, then
    /// runs on one plan made for any values unless that plan looks costlier; statistics that change as tables grow
    /// (autovacuum's analyses) make it plan afresh. For services whose statements find rows by key: their orders,
    /// escrows, declarations and events are not planned again at every execution (with planning at every execution,
    /// planner functions stood among PostgreSQL's top functions during the order benchmark).
    /// </summary>
    Cached,

    /// <summary>
    /// Every execution is planned for its own values (<c>force_custom_plan</c>): for searches whose best plan depends
    /// on the filters given, so that none runs on a plan made for other filters.
    /// </summary>
    PerExecution,
}
