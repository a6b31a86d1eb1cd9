using Hub.Customs.Domain.Screening;

namespace Hub.Customs.Tests.Domain.Screening;

public sealed class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("DWAYNE", "DUANE", 0.8400)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.8963)]
    [InlineData("ABC", "ABC", 1.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("A", "", 0.0)]
    public void Similarity_KnownPairs_GiveKnownScores(string a, string b, double expected)
    {
        JaroWinkler.Similarity(a, b).ShouldBe(expected, 0.00005);
        JaroWinkler.Similarity(b, a).ShouldBe(expected, 0.00005);
    }

    [Fact]
    public void Jaro_WithoutPrefixBoost_IsLower() =>
        JaroWinkler.Jaro("MARTHA", "MARHTA").ShouldBe(0.9444, 0.00005);
}
