namespace Hub.Logistics.Domain;

/// <summary>A record was asked to do something its current state forbids.</summary>
internal sealed class IllegalTransitionException(string message) : InvalidOperationException(message);
