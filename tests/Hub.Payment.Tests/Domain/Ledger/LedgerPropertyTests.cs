using Hub.Contracts.Values;
using Hub.Payment.Domain.Fx;
using Hub.Payment.Domain.Ledger;

namespace Hub.Payment.Tests.Domain.Ledger;

/// <summary>Random sequences (seeded, so a failure reproduces) checked against the ledger's invariants.</summary>
public sealed class LedgerPropertyTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly CurrencyCode[] Currencies = [CurrencyCode.KRW, CurrencyCode.USD, CurrencyCode.CNY, CurrencyCode.JPY];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomPostings_KeepTheLedgerBalancedPerCurrency(int seed)
    {
        var random = new Random(seed);
        var accounts = Currencies.SelectMany(c => Enum.GetValues<AccountKind>().Select(k => LedgerAccount.Open(k, "owner-" + k, c, Now))).ToList();
        var lines = new List<PostingLine>();
        for (var i = 0; i < 300; i++)
        {
            var entries = new List<PostingEntry>();
            foreach (var currency in Currencies.Where(_ => random.Next(2) == 0).DefaultIfEmpty(CurrencyCode.USD))
            {
                var inCurrency = accounts.Where(a => a.Currency == currency.Code).ToList();
                var total = Money.FromMinorUnits(random.NextInt64(1, 100_000_000), currency);
                var parts = total.Allocate(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (decimal)random.Next(1, 100)).ToArray());
                entries.Add(PostingEntry.Debit(inCurrency[random.Next(inCurrency.Count)], total));
                entries.AddRange(parts.Where(p => p.Amount != 0).Select(p => PostingEntry.Credit(inCurrency[random.Next(inCurrency.Count)], p)));
            }

            var posting = Posting.Create($"p{i}", "random", Now, entries);
            lines.AddRange(posting.Lines);
            if (random.Next(10) == 0)
            {
                lines.AddRange(posting.Reverse($"p{i}-r", "reversal", Now).Lines);
            }
        }

        lines.GroupBy(l => l.Currency).ShouldAllBe(g => g.Sum(l => l.Amount) == 0);
        lines.ShouldAllBe(l => new Money(l.Amount, CurrencyCode.Parse(l.Currency)).IsRounded);
    }

    [Fact]
    public void RandomQuotes_PayAmountsRoundToThePayCurrencyMinorUnitUpward()
    {
        var random = new Random(42);
        var rates = new[]
        {
            QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m),
            QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m).Invert(),
            QuotedRate.Of(CurrencyCode.USD, CurrencyCode.JPY, 149.80m, 150.00m).Invert(),
            QuotedRate.Of(CurrencyCode.USD, CurrencyCode.CNY, 7.1180m, 7.1220m),
        };
        for (var i = 0; i < 2_000; i++)
        {
            var rate = rates[random.Next(rates.Length)];
            var settlement = Money.FromMinorUnits(random.NextInt64(1, 10_000_000_000), rate.Quote);

            var quote = QuoteCalculation.For(rate.Base, settlement, rate, random.Next(0, 200));

            quote.Pay.IsRounded.ShouldBeTrue();
            (quote.Pay.Amount * quote.Rate).ShouldBeGreaterThanOrEqualTo(settlement.Amount);
            ((quote.Pay.Amount - Money.FromMinorUnits(1, rate.Base).Amount) * quote.Rate).ShouldBeLessThan(settlement.Amount);
        }
    }
}
