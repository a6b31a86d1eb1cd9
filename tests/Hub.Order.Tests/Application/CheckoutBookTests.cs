using System.Security.Cryptography;
using System.Text;
using Hub.Order.Application;
using Hub.Order.Endpoints;

namespace Hub.Order.Tests.Application;

public class CheckoutBookTests
{
    private static readonly CartRequest Cart = new("FOB", "Busan port", "SEA", [new CartLineRequest("KR-P-000001", 10, null)]);

    [Fact]
    public void RequestHash_WithoutCheckout_IsTheHashPlacementsHaveAlwaysKept()
    {
        // The body a placement was hashed by before carts could name a checkout: keys sent then must still replay.
        const string body = """{"Incoterm":"FOB","NamedPlace":"Busan port","Mode":"SEA","Lines":[{"ProductId":"KR-P-000001","Quantity":10,"SupplierCompany":null}]}""";

        CheckoutBook.RequestHash(Cart).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public void RequestHash_NamesTheCheckout_CartHashDoesNot()
    {
        var withCheckout = Cart with { CheckoutId = Guid.NewGuid() };

        CheckoutBook.RequestHash(withCheckout).ShouldNotBe(CheckoutBook.RequestHash(Cart));
        CheckoutBook.RequestHash(withCheckout).ShouldNotBe(CheckoutBook.RequestHash(Cart with { CheckoutId = Guid.NewGuid() }));
        CheckoutBook.CartHash(withCheckout).ShouldBe(CheckoutBook.CartHash(Cart));
    }

    [Fact]
    public void CartHash_NamedPlaceSpacedOtherwise_IsTheSameCart_AnotherPlaceIsNot()
    {
        CheckoutBook.CartHash(Cart with { NamedPlace = "  Busan port \t" }).ShouldBe(CheckoutBook.CartHash(Cart));
        CheckoutBook.RequestHash(Cart with { NamedPlace = " Busan port" }).ShouldBe(CheckoutBook.RequestHash(Cart));
        CheckoutBook.CartHash(Cart with { NamedPlace = "Busan  port" }).ShouldNotBe(CheckoutBook.CartHash(Cart));
    }
}
