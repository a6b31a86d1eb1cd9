namespace Hub.Contracts.Payment;

/// <summary>
/// An order's escrow was due for release, and its payee matched the hub's denied-party list: the release waits for the
/// hub's operators, who release it (a false match) or refund the buyer (<see cref="EscrowReleaseRefused"/>).
/// </summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="SupplierCompany">The payee.</param>
/// <param name="Score">The screening's best similarity, 0 to 1.</param>
/// <param name="ListVersion">The version of the denied-party list screened against.</param>
/// <param name="HeldAt">When the hold committed (UTC).</param>
public sealed record EscrowReleaseHeld(string OrderId, string SupplierCompany, double Score, int ListVersion, DateTime HeldAt);
