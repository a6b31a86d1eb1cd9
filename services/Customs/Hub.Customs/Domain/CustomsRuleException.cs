namespace Hub.Customs.Domain;

/// <summary>Input or reference data that a customs rule cannot work with; <see cref="Field"/> names the culprit.</summary>
internal sealed class CustomsRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
