using Hub.ServiceDefaults.Validation;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Tests.Domain;

public sealed class StoredNumberTests
{
    public static TheoryData<Type, string, string> Columns { get; } = new()
    {
        { typeof(PurchaseInvoice), nameof(PurchaseInvoice.Quantity), nameof(StoredNumber.Quantity) },
        { typeof(PurchaseInvoice), nameof(PurchaseInvoice.AmountInclVat), nameof(StoredNumber.Amount) },
        { typeof(PurchaseInvoice), nameof(PurchaseInvoice.VatRate), nameof(StoredNumber.Rate) },
        { typeof(RefundRate), nameof(RefundRate.Rate), nameof(StoredNumber.Rate) },
        { typeof(RefundClaim), nameof(RefundClaim.PurchaseNet), nameof(StoredNumber.Amount) },
        { typeof(RefundClaim), nameof(RefundClaim.RefundAmount), nameof(StoredNumber.Amount) },
        { typeof(RefundClaim), nameof(RefundClaim.CostAmount), nameof(StoredNumber.Amount) },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Column_DeclaredWithTheDigitsRequestsAreCheckedAgainst(Type entity, string property, string kind)
    {
        var expected = Kind(kind);
        using var db = Model();

        var column = db.Model.FindEntityType(entity)!.FindProperty(property)!;

        column.GetPrecision().ShouldBe(expected.Precision);
        column.GetScale().ShouldBe(expected.Scale);
    }

    [Fact]
    public void Model_EveryDecimalColumn_IsOneOfTheStoredKinds()
    {
        using var db = Model();
        var kinds = new[] { StoredNumber.Rate, StoredNumber.Quantity, StoredNumber.Amount };

        var columns = db.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(RefundClaim).Namespace)
            .SelectMany(e => e.GetProperties())
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) == typeof(decimal) || p.ClrType == typeof(decimal))
            .ToList();

        columns.Count.ShouldBe(Columns.Count);
        columns.ShouldAllBe(p => kinds.Contains(new NumericColumn(p.GetPrecision() ?? -1, p.GetScale() ?? -1)));
    }

    [Theory]
    [InlineData("0.123456", true)]
    [InlineData("999.999999", true)]
    [InlineData("0.1234567", false)]
    [InlineData("1000", false)]
    public void Rate_Fits_OnlyWhatNumeric9And6KeepsExactly(string value, bool fits) =>
        StoredNumber.Rate.Fits(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(fits);

    private static NumericColumn Kind(string name) => name switch
    {
        nameof(StoredNumber.Rate) => StoredNumber.Rate,
        nameof(StoredNumber.Quantity) => StoredNumber.Quantity,
        _ => StoredNumber.Amount,
    };

    private static TaxRefundDbContext Model() =>
        new(new DbContextOptionsBuilder<TaxRefundDbContext>().UseNpgsql("Host=unused").Options);
}
