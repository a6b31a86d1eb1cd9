using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Application;

/// <summary>
/// The escrow after a command, the posting of that step (for a replay, the original one), and whether the command had
/// already been carried out so that nothing new was posted.
/// </summary>
internal sealed record EscrowOutcome(Escrow Escrow, Guid PostingId, bool Replayed);
