namespace Hub.Console.Clients;

internal enum TokenOutcome
{
    Issued,
    Refused,
    Unavailable,
}

/// <summary>The gateway's token response (<c>POST /api/identity/token</c>).</summary>
internal sealed record IssuedToken(string AccessToken, string TokenType, int ExpiresIn, string Role, string Hub, string? Company);

internal sealed record TokenResult(TokenOutcome Outcome, IssuedToken? Token)
{
    public static TokenResult Refused { get; } = new(TokenOutcome.Refused, null);

    public static TokenResult Unavailable { get; } = new(TokenOutcome.Unavailable, null);
}
