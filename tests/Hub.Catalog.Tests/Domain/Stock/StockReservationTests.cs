using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Stock;

namespace Hub.Catalog.Tests.Domain.Stock;

public sealed class StockReservationTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void Reserved_MergesRepeatedProductsAndSortsLines()
    {
        var reservation = StockReservation.Reserved("KR-O-000001",
            [new ReservationLine("KR-P-000002", 1), new ReservationLine("KR-P-000001", 2), new ReservationLine("KR-P-000002", 3)], Now);
        reservation.Lines.Select(l => (l.ProductId, l.Quantity)).ShouldBe([("KR-P-000001", 2), ("KR-P-000002", 4)]);
    }

    [Fact]
    public void Reserved_LinesOfOneProductAddingUpPastTheLargestQuantity_IsRefusedWithoutOverflow()
    {
        ReservationLine[] lines = [new("KR-P-000011", int.MaxValue), new("KR-P-000002", 1), new("KR-P-000011", int.MaxValue)];

        var over = StockReservation.OverMaxQuantity(lines).ShouldHaveSingleItem();
        (over.ProductId, over.Total).ShouldBe(("KR-P-000011", 2L * int.MaxValue));
        over.Lines.ShouldBe([0, 2]);
        Should.Throw<ArgumentException>(() => StockReservation.Reserved("KR-O-000001", lines, Now)).Message.ShouldContain("KR-P-000011 add up to 4294967294 units");
        StockReservation.OverMaxQuantity([new("KR-P-000011", int.MaxValue - 1), new("KR-P-000011", 1)]).ShouldBeEmpty();
    }

    [Fact]
    public void IsFor_SameLinesInAnotherOrder_IsTrue_OtherQuantity_IsFalse()
    {
        var reservation = StockReservation.Reserved("KR-O-000001", [new ReservationLine("KR-P-000001", 2), new ReservationLine("KR-P-000002", 1)], Now);
        reservation.IsFor([new ReservationLine("KR-P-000002", 1), new ReservationLine("KR-P-000001", 2)]).ShouldBeTrue();
        reservation.IsFor([new ReservationLine("KR-P-000002", 1), new ReservationLine("KR-P-000001", 3)]).ShouldBeFalse();
    }

    [Fact]
    public void Release_AfterCommit_Throws()
    {
        var reservation = StockReservation.Reserved("KR-O-000001", [new ReservationLine("KR-P-000001", 2)], Now);
        reservation.Commit(Now);
        Should.Throw<CatalogRuleException>(() => reservation.Release(Now));
        reservation.Status.ShouldBe(ReservationStatus.Committed);
    }

    [Fact]
    public void Commit_Rejected_Throws()
    {
        var reservation = StockReservation.Rejected("KR-O-000001", [new ReservationLine("KR-P-000001", 2)], "short", Now);
        Should.Throw<CatalogRuleException>(() => reservation.Commit(Now));
    }

    [Fact]
    public void Reserved_ZeroQuantity_Throws() =>
        Should.Throw<ArgumentException>(() => StockReservation.Reserved("KR-O-000001", [new ReservationLine("KR-P-000001", 0)], Now));
}
