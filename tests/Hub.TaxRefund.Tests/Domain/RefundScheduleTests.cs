using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;

namespace Hub.TaxRefund.Tests.Domain;

public sealed class RefundScheduleTests
{
    private static readonly RefundRate[] Seed = RefundRateSeed.Rates;

    [Theory]
    [InlineData("2024-11-30", 0.13)]
    [InlineData("2024-12-01", 0.09)]
    [InlineData("2026-03-31", 0.09)]
    [InlineData("2026-04-01", 0.06)]
    public void RateFor_BatteriesAcrossTheScheduleChanges_RateOfTheExportDay(string day, double expected) =>
        RefundSchedule.RateFor(Seed, "CN", "850760", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))!.Rate.ShouldBe((decimal)expected);

    [Theory]
    [InlineData("2024-11-30", 0.13)]
    [InlineData("2024-12-01", 0.09)]
    [InlineData("2026-04-01", 0.0)]
    public void RateFor_PhotovoltaicCells_DropToZeroIn2026(string day, double expected) =>
        RefundSchedule.RateFor(Seed, "CN", "8541430000", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))!.Rate.ShouldBe((decimal)expected);

    [Fact]
    public void RateFor_AluminiumAfterTheCut_ZeroNotTheGeneralRate() =>
        RefundSchedule.RateFor(Seed, "CN", "760110", new DateOnly(2025, 1, 1))!.Rate.ShouldBe(0m);

    [Fact]
    public void RateFor_CodeWithoutSpecificLine_GeneralRateOfTheHub()
    {
        RefundSchedule.RateFor(Seed, "CN", "610910", new DateOnly(2025, 6, 1))!.Rate.ShouldBe(0.13m);
        RefundSchedule.RateFor(Seed, "CN", "090210", new DateOnly(2025, 6, 1))!.Rate.ShouldBe(0.09m);
        RefundSchedule.RateFor(Seed, "KR", "850760", new DateOnly(2025, 6, 1))!.Rate.ShouldBe(0.10m);
    }

    [Fact]
    public void RateFor_LongestPrefixWins_WhateverTheOrderOfLines()
    {
        var day = new DateOnly(2025, 1, 1);
        RefundRate[] rates =
        [
            new(Guid.NewGuid(), "CN", "85076000", 0.06m, day, null),
            new(Guid.NewGuid(), "CN", "85", 0.13m, day, null),
            new(Guid.NewGuid(), "CN", "8507", 0.09m, day, null),
        ];

        RefundSchedule.RateFor(rates, "CN", "8507600010", day)!.Rate.ShouldBe(0.06m);
        RefundSchedule.RateFor(rates, "CN", "8507100000", day)!.Rate.ShouldBe(0.09m);
        RefundSchedule.RateFor(rates, "CN", "8501100000", day)!.Rate.ShouldBe(0.13m);
    }

    [Fact]
    public void RateFor_BeforeAnyLine_None() =>
        RefundSchedule.RateFor(Seed, "CN", "610910", new DateOnly(2019, 3, 31)).ShouldBeNull();

    [Fact]
    public void RateFor_OtherHub_None() =>
        RefundSchedule.RateFor(Seed, "MY", "610910", new DateOnly(2025, 1, 1)).ShouldBeNull();

    [Fact]
    public void New_ValidToNotAfterValidFrom_Refused() =>
        Should.Throw<TaxRefundException>(() => new RefundRate(Guid.NewGuid(), "CN", "85", 0.1m, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)))
            .Field.ShouldBe("validTo");
}
