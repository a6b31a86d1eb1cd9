namespace Hub.Story;

/// <summary>Who plays the story: the buyer at its hub, the supplier at its own, and each hub's operator.</summary>
public sealed record StoryCast(StoryUser Buyer, StoryUser Supplier, StoryUser SupplierOperator, StoryUser BuyerOperator)
{
    /// <summary>The users of deploy/hubs/cn.json and kr.json: a CN buyer orders from a KR supplier.</summary>
    public static StoryCast Default { get; } = new(
        new StoryUser("cn-buyer", "buyer-demo"),
        new StoryUser("kr-supplier", "supplier-demo"),
        new StoryUser("kr-operator", "operator-demo"),
        new StoryUser("cn-operator", "operator-demo"));
}

/// <summary>A product the supplier listed for the story.</summary>
public sealed record ListedProduct(string Id, string Title, string SupplierCompany, string HsCode, long UnitPriceMinor, string Currency, int StockOnHand);

/// <summary>What a story run produced, for the checks that follow it.</summary>
public sealed record StoryOutcome(ListedProduct Product, int Quantity, string PurchaseId, string OrderId, string? ConsignmentId, string? ClaimId);

/// <summary>The story could not go on: a step was refused, failed or did not happen in time.</summary>
public sealed class StoryException(string message, Exception? inner = null) : Exception(message, inner);
