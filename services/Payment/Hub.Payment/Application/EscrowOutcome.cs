using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Application;

/// <summary>
/// The escrow after a command, the posting of that step (for a replay, the original one), and whether the command had
/// already been carried out so that nothing new was posted.
/// </summary>
internal sealed record EscrowOutcome(Escrow Escrow, Guid PostingId, bool Replayed)
{
    /// <summary>
    /// A release not carried out: its payee matched the hub's denied-party list, by this release's screening or an
    /// earlier one, and waits for the operators' review. Nothing is posted.
    /// </summary>
    public bool Held { get; private init; }

    /// <summary>The release of <paramref name="escrow"/> held for the operators' review of its payee.</summary>
    public static EscrowOutcome HeldForReview(Escrow escrow) => new(escrow, Guid.Empty, Replayed: false) { Held = true };
}
