namespace Hub.Customs.Domain.Declarations;

/// <summary>Submitted → Accepted (the authority's MRN) → Cleared | Held | Rejected; Held → Cleared | Rejected.</summary>
internal enum DeclarationStatus
{
    Submitted,
    Accepted,
    Cleared,
    Held,
    Rejected,
}
