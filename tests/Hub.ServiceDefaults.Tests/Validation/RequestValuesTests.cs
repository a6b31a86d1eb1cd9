using Hub.ServiceDefaults.Validation;

namespace Hub.ServiceDefaults.Tests.Validation;

public sealed class RequestValuesTests
{
    public enum Mode
    {
        Air,
        Sea,
    }

    [Theory]
    [InlineData("Air", Mode.Air)]
    [InlineData("sea", Mode.Sea)]
    [InlineData(" AIR ", Mode.Air)]
    public void TryParseName_TakesANameInAnyCase(string text, Mode expected)
    {
        RequestValues.TryParseName<Mode>(text, out var mode).ShouldBeTrue();
        mode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("Air, Sea")]
    [InlineData("Rail")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseName_RefusesWhatIsNotAName(string? text)
    {
        RequestValues.TryParseName<Mode>(text, out var mode).ShouldBeFalse();
        mode.ShouldBe(default);
    }

    [Theory]
    [InlineData("0.1235", 9, 4, true)]
    [InlineData("0.12345", 9, 4, false)]
    [InlineData("99999.9999", 9, 4, true)]
    [InlineData("100000", 9, 4, false)]
    [InlineData("-99999.9999", 9, 4, true)]
    [InlineData("-100000", 9, 4, false)]
    [InlineData("0.0000001", 9, 6, false)]
    [InlineData("9999999999999999999999.999999", 28, 6, true)]
    public void FitsNumeric_KeepsExactlyWhatTheColumnKeeps(string value, int precision, int scale, bool fits) =>
        RequestValues.FitsNumeric(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), precision, scale).ShouldBe(fits);

    [Theory]
    [InlineData(null, 50)]
    [InlineData(1, 1)]
    [InlineData(200, 200)]
    public void TryPageSize_TakesTheLimitOrTheDefault(int? limit, int expected)
    {
        RequestValues.TryPageSize(limit, 50, 200, out var size).ShouldBeTrue();
        size.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    [InlineData(int.MaxValue)]
    public void TryPageSize_RefusesALimitOutOfRange(int limit) =>
        RequestValues.TryPageSize(limit, 50, 200, out _).ShouldBeFalse();
}
