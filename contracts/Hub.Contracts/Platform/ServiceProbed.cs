namespace Hub.Contracts.Platform;

/// <summary>
/// An operator probed a service's messaging path: the probe was committed with the service's outbox and is
/// consumed by the same service, proving database, relay, broker and consumer work end to end.
/// </summary>
/// <param name="ProbeId">Identifies the probe.</param>
/// <param name="Hub">The hub of the probed service.</param>
/// <param name="Service">The probed service, e.g. <c>catalog</c>.</param>
/// <param name="RequestedAt">When the probe was committed (UTC).</param>
[CrossesHubs]
public sealed record ServiceProbed(Guid ProbeId, string Hub, string Service, DateTime RequestedAt);
