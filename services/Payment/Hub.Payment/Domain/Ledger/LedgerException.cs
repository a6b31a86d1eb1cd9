namespace Hub.Payment.Domain.Ledger;

/// <summary>A posting that would break the ledger's rules; a programming error, never a user's.</summary>
internal sealed class LedgerException(string message) : Exception(message);
