namespace Hub.Catalog.Domain;

/// <summary>A request that is well-formed but breaks a catalog rule in the current state (a 409 / FailedPrecondition).</summary>
internal sealed class CatalogRuleException(string message) : InvalidOperationException(message);
