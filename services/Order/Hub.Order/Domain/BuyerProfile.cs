using System.Diagnostics.CodeAnalysis;

namespace Hub.Order.Domain;

/// <summary>
/// How a buying company of this hub is named on the declarations of its orders: its legal name (the name customs
/// screens against the denied-party list) and its address. An order keeps the profile as it stood when it was placed.
/// </summary>
internal sealed class BuyerProfile
{
    private BuyerProfile()
    {
        Company = LegalName = "";
    }

    public BuyerProfile(string company, string legalName, string? address, DateTime at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(company);
        Company = company;
        Change(legalName, address, at, by);
    }

    public string Company { get; private set; }

    public string LegalName { get; private set; }

    public string? Address { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The company's user who registered or last changed it.</summary>
    public string UpdatedBy { get; private set; } = "";

    [MemberNotNull(nameof(LegalName))]
    public void Change(string legalName, string? address, DateTime at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legalName);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        LegalName = legalName;
        Address = address;
        UpdatedAt = at;
        UpdatedBy = by;
    }
}
