namespace Hub.Customs.Domain;

/// <summary>Texts customs stores in columns of a fixed length: a longer one is refused before the database would, naming the field.</summary>
internal static class StoredText
{
    public static string Ensure(string field, string text, int maxLength) =>
        text.Length <= maxLength ? text : throw new CustomsRuleException(field, $"At most {maxLength} characters.");
}
