using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Stock;

namespace Hub.Catalog.Tests.Domain.Stock;

public sealed class StockItemTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public void Reserve_MoreThanAvailable_ThrowsAndChangesNothing()
    {
        var stock = StockItem.Open("KR-P-000001", 10, 3, Now);
        stock.Reserve(8, Now);
        Should.Throw<CatalogRuleException>(() => stock.Reserve(3, Now));
        stock.Reserved.ShouldBe(8);
        stock.Available.ShouldBe(2);
        stock.IsLow.ShouldBeTrue();
    }

    [Fact]
    public void Release_GivesUnitsBack()
    {
        var stock = StockItem.Open("KR-P-000001", 10, 0, Now);
        stock.Reserve(4, Now);
        stock.Release(4, Now);
        stock.Available.ShouldBe(10);
        stock.OnHand.ShouldBe(10);
    }

    [Fact]
    public void Commit_TakesUnitsOutOfStock()
    {
        var stock = StockItem.Open("KR-P-000001", 10, 0, Now);
        stock.Reserve(4, Now);
        stock.Commit(4, Now);
        stock.OnHand.ShouldBe(6);
        stock.Reserved.ShouldBe(0);
        stock.Available.ShouldBe(6);
    }

    [Fact]
    public void Count_BelowReserved_Throws()
    {
        var stock = StockItem.Open("KR-P-000001", 10, 0, Now);
        stock.Reserve(6, Now);
        Should.Throw<CatalogRuleException>(() => stock.Count(5, Now));
        stock.OnHand.ShouldBe(10);
        stock.Count(6, Now);
        stock.Available.ShouldBe(0);
    }
}
