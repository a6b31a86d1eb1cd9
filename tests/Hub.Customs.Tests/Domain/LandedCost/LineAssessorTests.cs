using Hub.Contracts.Values;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;
using static Hub.Customs.Tests.Domain.Given;

namespace Hub.Customs.Tests.Domain.LandedCost;

public sealed class LineAssessorTests
{
    private static readonly CustomsReference China = For(Cn, [Line(HubId.CN, "8516", 0.10m, 0.13m)],
        preferences:
        [
            PreferentialRate.Create(HubId.CN, "KCFTA", CountryCode.KR, "8516", 2025, 0.05m),
            PreferentialRate.Create(HubId.CN, "KCFTA", CountryCode.KR, "8516", 2026, 0.04m),
        ]);

    private static CertificateOfOrigin Certificate(DateOnly issued, string subheading = "851671", bool direct = true) =>
        new("KCFTA-2026-001", "KCFTA", CountryCode.KR, subheading, issued, direct);

    private static LineAssessment Assess(CertificateOfOrigin? certificate, string origin = "KR", DateOnly? on = null) =>
        LandedCostCalculator.Calculate(
            Request(HubId.CN, "CNY", Incoterm.Cif, 0m, 0m, Goods("851671", origin, 10_000m, certificate: certificate)) with { Date = on ?? Day },
            China).Lines[0];

    [Fact]
    public void Calculate_ValidCertificate_AppliesThisYearsStagedRate()
    {
        var line = Assess(Certificate(new DateOnly(2026, 3, 1)));

        line.PreferenceApplied.ShouldBeTrue();
        line.Duty.Amount.ShouldBe(400.00m);
        line.DutyBasis.ShouldBe("4 %");
    }

    [Fact]
    public void Calculate_LastYearsDate_AppliesLastYearsStage() =>
        Assess(Certificate(new DateOnly(2025, 3, 1)), on: new DateOnly(2025, 6, 1)).Duty.Amount.ShouldBe(500.00m);

    [Fact]
    public void Calculate_NoCertificate_ChargesTheGeneralRate()
    {
        var line = Assess(null);

        line.PreferenceApplied.ShouldBeFalse();
        line.Duty.Amount.ShouldBe(1_000.00m);
        line.PreferenceNote!.ShouldContain("no certificate");
    }

    [Fact]
    public void Calculate_CertificateExpiredAfterOneYear_ChargesTheGeneralRate()
    {
        Assess(Certificate(Day.AddYears(-1).AddDays(1))).PreferenceApplied.ShouldBeTrue();
        var expired = Assess(Certificate(Day.AddYears(-1)));

        expired.PreferenceApplied.ShouldBeFalse();
        expired.Duty.Amount.ShouldBe(1_000.00m);
        expired.PreferenceNote!.ShouldContain("one year");
    }

    [Fact]
    public void Calculate_CertificateForAnotherSubheading_ChargesTheGeneralRate() =>
        Assess(Certificate(new DateOnly(2026, 3, 1), subheading: "851672")).PreferenceApplied.ShouldBeFalse();

    [Fact]
    public void Calculate_IndirectTransport_ChargesTheGeneralRate() =>
        Assess(Certificate(new DateOnly(2026, 3, 1), direct: false)).PreferenceNote!.ShouldContain("directly");

    [Fact]
    public void Calculate_OriginNotAPartner_HasNoPreference()
    {
        var line = Assess(Certificate(new DateOnly(2026, 3, 1)), origin: "JP");

        line.PreferenceApplied.ShouldBeFalse();
        line.PreferenceNote.ShouldBeNull();
    }
}
