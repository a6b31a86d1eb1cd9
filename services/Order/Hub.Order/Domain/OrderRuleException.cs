namespace Hub.Order.Domain;

/// <summary>An order was asked to do something its state does not allow.</summary>
internal sealed class OrderRuleException(string message) : Exception(message);
