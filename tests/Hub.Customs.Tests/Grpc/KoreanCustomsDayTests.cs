using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Grpc;

/// <summary>Hub KR: a buyer's same-day imports are those of one day in Seoul (KST, UTC+9), not of one UTC day.</summary>
public sealed class KoreanCustomsDayTests(KoreanCalendarHost host) : IClassFixture<KoreanCalendarHost>
{
    [Fact]
    public async Task Declare_At0800And1000Kst_AddsTheOrdersOfOneKoreanDay()
    {
        const string buyer = "KR-C-000601";
        host.SetClock(new DateTime(2026, 11, 23, 23, 0, 0, DateTimeKind.Utc)); // 2026-11-24 08:00 KST
        var morning = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport(buyer, 10_000));
        host.SetClock(new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc)); // 2026-11-24 10:00 KST
        var later = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport(buyer, 10_000));

        morning.RegimeCode.ShouldBe("KR-GENERAL-150");
        later.RegimeCode.ShouldBe("GENERAL", "USD 100 + USD 100 on one Korean day exceed USD 150");
        await using var db = host.Db();
        (await db.BuyerImports.Where(b => b.Buyer == buyer).Select(b => b.Date).ToListAsync())
            .ShouldAllBe(d => d == new DateOnly(2026, 11, 24));
    }

    [Fact]
    public async Task Declare_At2300KstAnd0700KstNextDay_CountsEachOnItsOwnKoreanDay()
    {
        const string buyer = "KR-C-000602";
        host.SetClock(new DateTime(2026, 11, 24, 14, 0, 0, DateTimeKind.Utc)); // 2026-11-24 23:00 KST
        var lateEvening = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport(buyer, 10_000));
        host.SetClock(new DateTime(2026, 11, 24, 22, 0, 0, DateTimeKind.Utc)); // 2026-11-25 07:00 KST
        var nextMorning = await host.Grpc.DeclareAsync(Requests.KoreanSmallImport(buyer, 10_000));

        lateEvening.RegimeCode.ShouldBe("KR-GENERAL-150");
        nextMorning.RegimeCode.ShouldBe("KR-GENERAL-150", "the second order falls on the next Korean day, alone within USD 150");
        nextMorning.Vat.MinorUnits.ShouldBe(0);
    }
}
