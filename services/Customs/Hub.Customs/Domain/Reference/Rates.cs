namespace Hub.Customs.Domain.Reference;

internal static class Rates
{
    public static void EnsureFraction(string field, decimal rate)
    {
        if (rate is < 0m or > 10m)
        {
            throw new CustomsRuleException(field, $"Rate {rate} is out of range: give a fraction (0.08 for 8 %).");
        }

        StoredNumber.Rate.Ensure(field, rate);
    }
}
