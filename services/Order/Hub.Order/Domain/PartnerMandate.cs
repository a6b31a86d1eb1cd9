namespace Hub.Order.Domain;

/// <summary>
/// A company of this hub lets a partner hub place orders for it and act on them as its buyer would (cancel, confirm
/// receipt, dispute). Without one, a partner hub cannot spend the company's money here; revoking it stops what has not
/// been done yet, not what has.
/// </summary>
internal sealed class PartnerMandate
{
    public PartnerMandate(string company, string partnerHub, DateTime grantedAt, string grantedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(company);
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerHub);
        ArgumentException.ThrowIfNullOrWhiteSpace(grantedBy);
        Company = company;
        PartnerHub = partnerHub;
        GrantedAt = grantedAt;
        GrantedBy = grantedBy;
    }

    public string Company { get; private set; }

    public string PartnerHub { get; private set; }

    public DateTime GrantedAt { get; private set; }

    /// <summary>The user of the company who granted it.</summary>
    public string GrantedBy { get; private set; }
}
