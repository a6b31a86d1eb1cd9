namespace Hub.Customs.Domain;

/// <summary>The hub has no reference data (tariff line, FX rate, …) in force for what was asked.</summary>
internal sealed class MissingReferenceDataException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
