namespace Hub.Customs.Domain.Declarations;

/// <summary>
/// Submitted → Accepted (the authority's MRN) → Cleared | Held | Rejected; Held → Cleared | Rejected; anything but
/// Rejected → Withdrawn when the trade will not happen.
/// </summary>
internal enum DeclarationStatus
{
    Submitted,
    Accepted,
    Cleared,
    Held,
    Rejected,
    Withdrawn,
}
