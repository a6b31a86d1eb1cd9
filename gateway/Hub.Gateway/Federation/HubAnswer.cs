namespace Hub.Gateway.Federation;

/// <summary>How one hub answered a page of a federated search.</summary>
/// <param name="Hub">The hub id.</param>
/// <param name="Status">answered, timed-out, failed, circuit-open, or done (not asked: an earlier page took all it had).</param>
/// <param name="Count">Its items in this page.</param>
/// <param name="ElapsedMs">Time until it answered or was given up on.</param>
/// <param name="Error">Why it did not answer.</param>
public sealed record HubAnswer(string Hub, string Status, int Count, double ElapsedMs, string? Error)
{
    internal const string Answered = "answered";

    internal const string Done = "done";

    /// <summary>Whether the hub was asked and did not answer, so its results may be missing.</summary>
    internal bool Missing => Status is not (Answered or Done);
}
