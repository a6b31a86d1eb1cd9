using Hub.Contracts.Values;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using static Hub.Customs.Tests.Domain.Given;

namespace Hub.Customs.Tests.Domain.Reference;

public sealed class TariffScheduleTests
{
    [Fact]
    public void Find_SeveralPrefixesMatch_LongestWins()
    {
        TariffLine[] lines = [Line(HubId.KR, "85", 0.08m, 0.1m), Line(HubId.KR, "8516", 0.05m, 0.1m), Line(HubId.KR, "851671", 0.03m, 0.1m), Line(HubId.KR, "8517", 0m, 0.1m)];

        TariffSchedule.Find(lines, HubId.KR, HsCode.Parse("8516711000"), Day)!.Prefix.ShouldBe("851671");
        TariffSchedule.Find(lines, HubId.KR, HsCode.Parse("851660"), Day)!.Prefix.ShouldBe("8516");
        TariffSchedule.Find(lines, HubId.KR, HsCode.Parse("850440"), Day)!.Prefix.ShouldBe("85");
        TariffSchedule.Find(lines, HubId.KR, HsCode.Parse("950300"), Day).ShouldBeNull();
        TariffSchedule.Find(lines, HubId.CN, HsCode.Parse("851671"), Day).ShouldBeNull();
    }

    [Fact]
    public void Find_NationalLine_BeatsItsSubheading()
    {
        TariffLine[] lines = [Line(HubId.KR, "851671", 0.08m, 0.1m), Line(HubId.KR, "8516711000", 0.02m, 0.1m)];

        TariffSchedule.Find(lines, HubId.KR, HsCode.Parse("8516711000"), Day)!.DutyRate.ShouldBe(0.02m);
        TariffSchedule.Find(lines, HubId.KR, HsCode.Parse("8516719000"), Day)!.DutyRate.ShouldBe(0.08m);
    }

    [Fact]
    public void Find_RateChangesOnADate_OldRateUntilTheDayBeforeNewRateFromThatDay()
    {
        var change = new DateOnly(2027, 1, 1);
        var old = Line(HubId.KR, "8516", 0.08m, 0.1m, validity: new Validity(new DateOnly(2026, 1, 1), null));
        var @new = Line(HubId.KR, "8516", 0.06m, 0.1m, validity: new Validity(change, null), version: 2);
        old.Supersede(@new.Validity, 3).ShouldBeNull();

        TariffSchedule.Find([old, @new], HubId.KR, HsCode.Parse("851671"), change.AddDays(-1))!.DutyRate.ShouldBe(0.08m);
        TariffSchedule.Find([old, @new], HubId.KR, HsCode.Parse("851671"), change)!.DutyRate.ShouldBe(0.06m);
        TariffSchedule.Find([old, @new], HubId.KR, HsCode.Parse("851671"), new DateOnly(2025, 12, 31)).ShouldBeNull();
    }

    [Fact]
    public void Supersede_NotAfterTheCurrentStart_IsRefused()
    {
        var line = Line(HubId.KR, "8516", 0.08m, 0.1m, validity: new Validity(new DateOnly(2026, 1, 1), null));

        Should.Throw<CustomsRuleException>(() => line.Supersede(new Validity(new DateOnly(2026, 1, 1), null), 2)).Field.ShouldBe("validFrom");
    }

    [Fact]
    public void MakeRoom_ChangeWithAnEndDate_TheOldRateResumesAfterIt()
    {
        var old = Line(HubId.MY, "9503", 0.08m, 0.1m, validity: new Validity(new DateOnly(2030, 1, 1), null));
        var change = Line(HubId.MY, "9503", 0.02m, 0.1m, validity: new Validity(new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 1)), version: 2);

        var resumed = TariffLine.MakeRoom([old], change).ShouldHaveSingleItem();

        resumed.Validity.ShouldBe(new Validity(new DateOnly(2031, 6, 1), null));
        resumed.Version.ShouldBe(3);
        resumed.Id.ShouldNotBe(old.Id);
        TariffLine[] schedule = [old, change, resumed];
        TariffSchedule.Find(schedule, HubId.MY, HsCode.Parse("950300"), new DateOnly(2030, 12, 31))!.DutyRate.ShouldBe(0.08m);
        TariffSchedule.Find(schedule, HubId.MY, HsCode.Parse("950300"), new DateOnly(2031, 5, 31))!.DutyRate.ShouldBe(0.02m);
        TariffSchedule.Find(schedule, HubId.MY, HsCode.Parse("950300"), new DateOnly(2031, 6, 1))!.DutyRate.ShouldBe(0.08m);
        TariffSchedule.Find(schedule, HubId.MY, HsCode.Parse("950300"), new DateOnly(2032, 1, 1))!.DutyRate.ShouldBe(0.08m);
    }

    [Fact]
    public void MakeRoom_OldVersionEndsBeforeTheChangeDoes_NothingResumes()
    {
        var old = Line(HubId.MY, "9503", 0.08m, 0.1m, validity: new Validity(new DateOnly(2030, 1, 1), new DateOnly(2031, 3, 1)));
        var change = Line(HubId.MY, "9503", 0.02m, 0.1m, validity: new Validity(new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 1)), version: 2);

        TariffLine.MakeRoom([old], change).ShouldBeEmpty();

        old.Validity.ShouldBe(new Validity(new DateOnly(2030, 1, 1), new DateOnly(2031, 1, 1)));
    }

    [Theory]
    [InlineData("8", "prefix")]
    [InlineData("85A6", "prefix")]
    public void Create_MalformedPrefix_NamesTheField(string prefix, string field) =>
        Should.Throw<CustomsRuleException>(() => Line(HubId.KR, prefix, 0.08m, 0.1m)).Field.ShouldBe(field);

    [Fact]
    public void Create_NegativeRate_NamesTheField() =>
        Should.Throw<CustomsRuleException>(() => Line(HubId.KR, "85", -0.01m, 0.1m)).Field.ShouldBe("dutyRate");

    [Fact]
    public void Validity_EndsExclusive()
    {
        var week = new Validity(new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 22));

        week.Covers(new DateOnly(2026, 11, 15)).ShouldBeTrue();
        week.Covers(new DateOnly(2026, 11, 21)).ShouldBeTrue();
        week.Covers(new DateOnly(2026, 11, 22)).ShouldBeFalse();
        week.Covers(new DateOnly(2026, 11, 14)).ShouldBeFalse();
    }
}
