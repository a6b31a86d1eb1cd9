using Hub.Contracts.Values;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Application;

internal sealed record RefundOutcome(Escrow Escrow, Money Refunded, bool Replayed);
