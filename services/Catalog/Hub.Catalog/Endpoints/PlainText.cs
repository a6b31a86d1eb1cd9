namespace Hub.Catalog.Endpoints;

/// <summary>
/// Control characters have no place in listings or searches, and PostgreSQL cannot store NUL at all: text fields
/// refuse them up front instead of failing in the database. Multi-line text keeps tabs and line breaks.
/// </summary>
internal static class PlainText
{
    public static bool HasControlCharacters(string? text, bool multiline = false) =>
        text is not null && text.Any(c => c < ' ' && !(multiline && c is '\t' or '\n' or '\r'));
}
