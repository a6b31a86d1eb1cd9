namespace Hub.Order.Domain;

/// <summary>One step in an order's life: when (UTC), at which hub, what, and what caused it.</summary>
internal sealed class TimelineEntry
{
    public TimelineEntry(int sequence, DateTime at, string hub, string step, string cause, string? detail)
    {
        Sequence = sequence;
        At = at;
        Hub = hub;
        Step = step;
        Cause = cause;
        Detail = detail;
    }

    public int Sequence { get; private set; }

    public DateTime At { get; private set; }

    public string Hub { get; private set; }

    public string Step { get; private set; }

    /// <summary>The message id or request that caused the step.</summary>
    public string Cause { get; private set; }

    public string? Detail { get; private set; }
}
