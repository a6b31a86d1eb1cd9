using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;

namespace Hub.TaxRefund.Tests.Domain;

public sealed class ExportCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void ExportDay_LateUtcEveningBeforeTheChange_IsTheNewDayInShanghaiAndTakesTheNewRate()
    {
        var clearedAt = new DateTime(2024, 11, 30, 16, 30, 0, DateTimeKind.Utc);

        var day = ExportCalendar.ExportDay(clearedAt, Shanghai);

        day.ShouldBe(new DateOnly(2024, 12, 1));
        RefundSchedule.RateFor(RefundRateSeed.Rates, "CN", "850760", day)!.Rate.ShouldBe(0.09m);
    }

    [Fact]
    public void ExportDay_JustBeforeLocalMidnight_StaysOnTheOldDayAndRate()
    {
        var clearedAt = new DateTime(2024, 11, 30, 15, 59, 59, DateTimeKind.Utc);

        var day = ExportCalendar.ExportDay(clearedAt, Shanghai);

        day.ShouldBe(new DateOnly(2024, 11, 30));
        RefundSchedule.RateFor(RefundRateSeed.Rates, "CN", "850760", day)!.Rate.ShouldBe(0.13m);
    }

    [Fact]
    public void ExportDay_Utc_CalendarDayOfTheInstant() =>
        ExportCalendar.ExportDay(new DateTime(2026, 3, 31, 23, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc).ShouldBe(new DateOnly(2026, 3, 31));
}
