using Hub.Contracts.Values;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>A preferential certificate of origin presented with a goods line.</summary>
internal sealed record CertificateOfOrigin(string Number, string Agreement, CountryCode Origin, string Subheading, DateOnly IssuedOn, bool DirectTransport)
{
    /// <summary>Why the certificate does not support a preference on <paramref name="date"/> for <paramref name="code"/>; null when it does.</summary>
    public string? Defect(HsCode code, CountryCode origin, DateOnly date)
    {
        if (date < IssuedOn || date >= IssuedOn.AddYears(1))
        {
            return $"certificate {Number} issued {IssuedOn:yyyy-MM-dd} is not valid on {date:yyyy-MM-dd} (one year from issue)";
        }

        if (Subheading != code.Subheading)
        {
            return $"certificate {Number} covers HS {Subheading}, not {code.Subheading}";
        }

        if (Origin != origin)
        {
            return $"certificate {Number} certifies origin {Origin}, not {origin}";
        }

        return DirectTransport ? null : $"goods of certificate {Number} did not travel directly";
    }
}
