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
        TariffLine.MakeRoom([old], @new).Resumed.ShouldBeEmpty();

        TariffSchedule.Find([old, @new], HubId.KR, HsCode.Parse("851671"), change.AddDays(-1))!.DutyRate.ShouldBe(0.08m);
        TariffSchedule.Find([old, @new], HubId.KR, HsCode.Parse("851671"), change)!.DutyRate.ShouldBe(0.06m);
        TariffSchedule.Find([old, @new], HubId.KR, HsCode.Parse("851671"), new DateOnly(2025, 12, 31)).ShouldBeNull();
    }

    [Fact]
    public void MakeRoom_NotAfterTheCurrentStart_IsRefused()
    {
        var line = Line(HubId.KR, "8516", 0.08m, 0.1m, validity: new Validity(new DateOnly(2026, 1, 1), null));
        var same = Line(HubId.KR, "8516", 0.06m, 0.1m, validity: new Validity(new DateOnly(2026, 1, 1), null), version: 2);

        Should.Throw<CustomsRuleException>(() => TariffLine.MakeRoom([line], same)).Field.ShouldBe("validFrom");
    }

    [Fact]
    public void MakeRoom_ChangeWithAnEndDate_TheOldRateResumesAfterIt()
    {
        var old = Line(HubId.MY, "9503", 0.08m, 0.1m, validity: new Validity(new DateOnly(2030, 1, 1), null));
        var change = Line(HubId.MY, "9503", 0.02m, 0.1m, validity: new Validity(new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 1)), version: 2);

        var resumed = TariffLine.MakeRoom([old], change).Resumed.ShouldHaveSingleItem();

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

        TariffLine.MakeRoom([old], change).Resumed.ShouldBeEmpty();

        old.Validity.ShouldBe(new Validity(new DateOnly(2030, 1, 1), new DateOnly(2031, 1, 1)));
    }

    [Fact]
    public void MakeRoom_OpenEndedChangeBeforeAResumedVersion_EndsTheChangeAndRemovesTheResumption()
    {
        var (schedule, v1, _) = InterruptedSchedule();
        var resumption = schedule[2];
        var change = Toys(0.05m, new DateOnly(2031, 3, 20), null, version: 4);

        var (resumed, replaced) = TariffLine.MakeRoom(schedule, change);

        resumed.ShouldBeEmpty();
        replaced.ShouldBe([resumption]);
        resumption.ResumesId.ShouldBe(v1.Id);
        schedule = [.. schedule.Except(replaced), change];
        Rows(schedule).ShouldBe([(0.08m, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 1)), (0.02m, new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 20)),
            (0.05m, new DateOnly(2031, 3, 20), null)]);
        DutyOn(schedule, new DateOnly(2031, 3, 19)).ShouldBe(0.02m);
        DutyOn(schedule, new DateOnly(2031, 3, 20)).ShouldBe(0.05m);
        DutyOn(schedule, new DateOnly(2031, 4, 1)).ShouldBe(0.05m);
        DutyOn(schedule, new DateOnly(2032, 1, 1)).ShouldBe(0.05m);
    }

    [Fact]
    public void MakeRoom_BoundedChangeBeforeAResumedVersion_TheInterruptedChangeResumesThenTheResumption()
    {
        var (schedule, _, v2) = InterruptedSchedule();
        var change = Toys(0.05m, new DateOnly(2031, 3, 20), new DateOnly(2031, 3, 25), version: 4);

        var (resumed, replaced) = TariffLine.MakeRoom(schedule, change);

        replaced.ShouldBeEmpty();
        var remainder = resumed.ShouldHaveSingleItem();
        remainder.Version.ShouldBe(5);
        remainder.ResumesId.ShouldBe(v2.Id);
        schedule = [.. schedule, change, remainder];
        Rows(schedule).ShouldBe([(0.08m, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 1)), (0.02m, new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 20)),
            (0.05m, new DateOnly(2031, 3, 20), new DateOnly(2031, 3, 25)), (0.02m, new DateOnly(2031, 3, 25), new DateOnly(2031, 4, 1)),
            (0.08m, new DateOnly(2031, 4, 1), null)]);
        DutyOn(schedule, new DateOnly(2031, 3, 19)).ShouldBe(0.02m);
        DutyOn(schedule, new DateOnly(2031, 3, 24)).ShouldBe(0.05m);
        DutyOn(schedule, new DateOnly(2031, 3, 25)).ShouldBe(0.02m);
        DutyOn(schedule, new DateOnly(2031, 3, 31)).ShouldBe(0.02m);
        DutyOn(schedule, new DateOnly(2031, 4, 1)).ShouldBe(0.08m);
    }

    [Fact]
    public void MakeRoom_BoundedChangeAcrossAResumedVersionsStart_ThePublishedVersionResumesAfterIt()
    {
        var (schedule, v1, _) = InterruptedSchedule();
        var change = Toys(0.05m, new DateOnly(2031, 3, 20), new DateOnly(2031, 4, 15), version: 4);

        var (resumed, replaced) = TariffLine.MakeRoom(schedule, change);

        replaced.ShouldBe([schedule[2]]);
        resumed.ShouldHaveSingleItem().ResumesId.ShouldBe(v1.Id);
        schedule = [.. schedule.Except(replaced), change, .. resumed];
        Rows(schedule).ShouldBe([(0.08m, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 1)), (0.02m, new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 20)),
            (0.05m, new DateOnly(2031, 3, 20), new DateOnly(2031, 4, 15)), (0.08m, new DateOnly(2031, 4, 15), null)]);
    }

    [Fact]
    public void MakeRoom_NotAfterAPublishedStart_IsRefusedAndChangesNothing()
    {
        var (schedule, _, v2) = InterruptedSchedule();

        var refusal = Should.Throw<CustomsRuleException>(() => TariffLine.MakeRoom(schedule, Toys(0.05m, new DateOnly(2031, 3, 1), null, version: 4)));

        refusal.Field.ShouldBe("validFrom");
        refusal.Message.ShouldContain("2031-03-01");
        v2.ValidTo.ShouldBe(new DateOnly(2031, 4, 1));
        schedule[2].ValidFrom.ShouldBe(new DateOnly(2031, 4, 1));
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

    /// <summary>V1 from 2031-01-01, V2 from 2031-03-01 to 2031-04-01, and V1 resumed from 2031-04-01 as V3.</summary>
    private static (List<TariffLine> Schedule, TariffLine V1, TariffLine V2) InterruptedSchedule()
    {
        var v1 = Toys(0.08m, new DateOnly(2031, 1, 1), null, version: 1);
        var v2 = Toys(0.02m, new DateOnly(2031, 3, 1), new DateOnly(2031, 4, 1), version: 2);
        var v3 = TariffLine.MakeRoom([v1], v2).Resumed.ShouldHaveSingleItem();
        v3.Version.ShouldBe(3);
        return ([v1, v2, v3], v1, v2);
    }

    private static TariffLine Toys(decimal duty, DateOnly from, DateOnly? to, int version) =>
        Line(HubId.MY, "9503", duty, 0.1m, validity: new Validity(from, to), version: version);

    private static decimal? DutyOn(IEnumerable<TariffLine> schedule, DateOnly date) => TariffSchedule.Find(schedule, HubId.MY, HsCode.Parse("950300"), date)?.DutyRate;

    private static List<(decimal Duty, DateOnly From, DateOnly? To)> Rows(IEnumerable<TariffLine> schedule) =>
        [.. schedule.OrderBy(l => l.ValidFrom).Select(l => (l.DutyRate, l.ValidFrom, l.ValidTo))];
}
