namespace Hub.Customs.Domain.Declarations;

/// <summary>A transition the declaration's current status does not allow.</summary>
internal sealed class DeclarationStateException(string message) : Exception(message);
