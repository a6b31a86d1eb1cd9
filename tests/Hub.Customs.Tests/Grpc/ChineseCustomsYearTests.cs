namespace Hub.Customs.Tests.Grpc;

/// <summary>Hub CN: a buyer's cross-border e-commerce year is the calendar year in China (CST, UTC+8), not the UTC year.</summary>
public sealed class ChineseCustomsYearTests(ChineseCalendarHost host) : IClassFixture<ChineseCalendarHost>
{
    [Fact]
    public async Task Declare_At0300CstOnFirstJanuary_CountsInTheNewYear()
    {
        const string buyer = "CN-C-000701";
        host.SetClock(new DateTime(2026, 12, 31, 2, 0, 0, DateTimeKind.Utc)); // 2026-12-31 10:00 CST
        for (var n = 0; n < 5; n++)
        {
            (await host.Grpc.DeclareAsync(Requests.CbecImport(buyer, valueMinor: 500_000))).RegimeCode.ShouldBe("CN-CBEC");
        }

        host.SetClock(new DateTime(2026, 12, 31, 15, 30, 0, DateTimeKind.Utc)); // 2026-12-31 23:30 CST
        var lastEvening = await host.Grpc.DeclareAsync(Requests.CbecImport(buyer, valueMinor: 200_000));
        host.SetClock(new DateTime(2026, 12, 31, 19, 0, 0, DateTimeKind.Utc)); // 2027-01-01 03:00 CST
        var newYear = await host.Grpc.DeclareAsync(Requests.CbecImport(buyer, valueMinor: 200_000));

        lastEvening.RegimeCode.ShouldBe("GENERAL", "CNY 25,000 + 2,000 in 2026 exceed the annual CNY 26,000");
        newYear.RegimeCode.ShouldBe("CN-CBEC", "03:00 on 1 January in China starts the buyer's 2027 allowance");
        newYear.Duty.MinorUnits.ShouldBe(0);
    }
}
