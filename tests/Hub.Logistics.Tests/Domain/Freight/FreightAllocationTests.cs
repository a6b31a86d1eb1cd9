using Hub.Contracts.Values;
using Hub.Logistics.Domain.Freight;

namespace Hub.Logistics.Tests.Domain.Freight;

public sealed class FreightAllocationTests
{
    [Fact]
    public void Allocate_EqualWeights_LargestRemainderGivesTheExtraCentToTheFirst()
    {
        var parts = FreightAllocation.Allocate(new Money(100.00m, CurrencyCode.USD), [1m, 1m, 1m]);

        parts.Select(p => p.Amount).ShouldBe([33.34m, 33.33m, 33.33m]);
    }

    [Fact]
    public void Allocate_ByChargeableWeight_IsProportionalAndSumsExactly()
    {
        // KRW has no minor unit: 1,000,001 over 12.5 / 40 / 47.5 kg gives 125,000.125 / 400,000.4 / 475,000.475;
        // the one leftover won goes to the largest remainder (.475).
        var bill = new Money(1_000_001m, CurrencyCode.KRW);

        var parts = FreightAllocation.Allocate(bill, [12.5m, 40m, 47.5m]);

        parts.Select(p => p.Amount).ShouldBe([125_000m, 400_000m, 475_001m]);
        parts.Aggregate(Money.Zero(CurrencyCode.KRW), (sum, p) => sum + p).ShouldBe(bill);
    }

    [Fact]
    public void Allocate_SeededRandomBills_AlwaysSumToTheBill()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bill = Money.FromMinorUnits(random.Next(1, 10_000_000), CurrencyCode.CNY);
            var weights = Enumerable.Range(0, random.Next(1, 30)).Select(_ => Math.Round((decimal)random.NextDouble() * 500m, 3)).ToArray();

            var parts = FreightAllocation.Allocate(bill, weights);

            parts.Aggregate(Money.Zero(CurrencyCode.CNY), (sum, p) => sum + p).ShouldBe(bill);
            parts.ShouldAllBe(p => p.IsRounded && p.Amount >= 0);
        }
    }

    [Fact]
    public void Allocate_AllWeightsZero_SharesEqually() =>
        FreightAllocation.Allocate(new Money(10m, CurrencyCode.USD), [0m, 0m]).Select(p => p.Amount).ShouldBe([5m, 5m]);
}
