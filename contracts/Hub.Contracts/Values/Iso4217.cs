using System.Collections.Frozen;

namespace Hub.Contracts.Values;

/// <summary>ISO 4217 list one: active currencies that have minor units.</summary>
/// <remarks>
/// Kept in code rather than data because the list changes rarely and every hub must agree on it; update it when the
/// ISO 4217 maintenance agency publishes an amendment. Reflects 2025 (XCG, ZWG and SLE in; HRK, ZWL, SLL and CUC
/// out); ANG and BGN stay while balances in them are still being exchanged.
/// </remarks>
internal static class Iso4217
{
    private const string ZeroMinorUnits = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeMinorUnits = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourMinorUnits = "CLF UYW";
    private const string TwoMinorUnits =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE " +
        "CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL " +
        "HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR " +
        "MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK " +
        "SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG " +
        "YER ZAR ZMW ZWG";

    public static FrozenDictionary<string, int> MinorUnits { get; } = Build();

    private static FrozenDictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(table, ZeroMinorUnits, 0);
        Add(table, TwoMinorUnits, 2);
        Add(table, ThreeMinorUnits, 3);
        Add(table, FourMinorUnits, 4);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, int> table, string codes, int minorUnits)
    {
        foreach (var code in codes.Split(' '))
        {
            table.Add(code, minorUnits);
        }
    }
}
