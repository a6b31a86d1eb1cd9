using System.Globalization;

namespace Hub.Order.Tests.Domain;

public class OrderOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        new OrderOptionsValidator().Validate(null, new OrderOptions()).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("00:00:00", "00:00:30", "InstanceBeat")]
    [InlineData("00:00:05", "00:00:14", "InstanceSilence")]
    public void SilenceOfFewerThanThreeBeats_OrNoBeat_IsRefusedNamingTheSetting(string beat, string silence, string named)
    {
        var options = new OrderOptions { InstanceBeat = TimeSpan.Parse(beat, CultureInfo.InvariantCulture), InstanceSilence = TimeSpan.Parse(silence, CultureInfo.InvariantCulture) };

        var result = new OrderOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain($"Order:{named}");
    }

    [Theory]
    [InlineData("00:00:02", 2)]
    [InlineData("00:00:01.500", 2)]
    [InlineData("00:00:00", 1)]
    public void PlacementKeyRetryAfter_IsSaidInWholeSecondsRoundedUp_AtLeastOne(string retryAfter, int seconds)
    {
        new OrderOptions { PlacementKeyRetryAfter = TimeSpan.Parse(retryAfter, CultureInfo.InvariantCulture) }.RetryAfterSeconds().ShouldBe(seconds);
    }
}
