namespace Hub.Customs.Domain;

/// <summary>Texts customs stores in columns of a fixed length: a longer one is refused before the database would, naming the field.</summary>
internal static class StoredText
{
    /// <summary><paramref name="text"/>, when it has at most <paramref name="maxLength"/> characters; refused naming <paramref name="field"/> otherwise.</summary>
    /// <param name="field">The request field it came from.</param>
    /// <param name="text">The text sent.</param>
    /// <param name="maxLength">The most characters its column keeps.</param>
    public static string Ensure(string field, string text, int maxLength) =>
        text.Length <= maxLength ? text : throw new CustomsRuleException(field, $"At most {maxLength} characters (was {text.Length}).");
}
