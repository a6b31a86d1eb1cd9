namespace Hub.Gateway.Federation;

/// <summary>How one hub answered a federated search.</summary>
/// <param name="Hub">The hub id.</param>
/// <param name="Status">answered, timed-out, failed or circuit-open.</param>
/// <param name="Count">Items it returned.</param>
/// <param name="ElapsedMs">Time until it answered or was given up on.</param>
/// <param name="Error">Why it did not answer.</param>
public sealed record HubAnswer(string Hub, string Status, int Count, double ElapsedMs, string? Error);
