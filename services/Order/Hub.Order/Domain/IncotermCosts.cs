namespace Hub.Order.Domain;

/// <summary>
/// Who bears the main carriage and the import duties and taxes under each Incoterms 2020 rule: a buyer's total counts
/// only what its rule leaves to the buyer.
/// </summary>
internal static class IncotermCosts
{
    /// <summary>The buyer, as the payer of a cost.</summary>
    public const string Buyer = "buyer";

    /// <summary>The seller (the supplier), as the payer of a cost: it is in its prices.</summary>
    public const string Seller = "seller";

    /// <summary>The Incoterms 2020 rules.</summary>
    public static readonly IReadOnlyList<string> Rules = ["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"];

    // The goods are handed over before the main carriage: the buyer contracts and pays it.
    private static readonly HashSet<string> BuyerCarries = ["EXW", "FCA", "FAS", "FOB"];

    public static bool IsRule(string? rule) => rule is not null && Rules.Contains(rule);

    /// <summary>Who pays the main carriage under <paramref name="rule"/>.</summary>
    public static string FreightPaidBy(string rule) => BuyerCarries.Contains(rule) ? Buyer : Seller;

    /// <summary>Who pays the import duties and taxes under <paramref name="rule"/>: the buyer, except delivered duty paid.</summary>
    public static string DutiesPaidBy(string rule) => rule == "DDP" ? Seller : Buyer;
}
