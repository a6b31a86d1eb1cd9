using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Hub.ServiceDefaults.Problems;

/// <summary>
/// Answers malformed requests with a 400 problem that names the cause instead of a bare status code: a value of the
/// wrong type, in the body or in a parameter, is a validation problem naming its field as the validators name fields
/// (<c>lines[0].quantity</c>, <c>limit</c>); the service's own type names never reach the caller.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = Describe(bad) });
    }

    /// <summary>The problem that tells the caller what was wrong with the request <paramref name="bad"/> refused.</summary>
    internal static ProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return Body(json, bad.StatusCode);
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = ParameterName(bind.Groups["name"].Value);
            var value = bind.Groups["value"].Value;
            return Fields(bad.StatusCode, name, ValueKind(bind.Groups["type"].Value) is { } kind ? $"'{value}' is not {kind}." : $"'{value}' is not a value {name} takes.");
        }

        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            return Fields(bad.StatusCode, ParameterName(missing.Groups["name"].Value), $"Required in the {missing.Groups["source"].Value}.");
        }

        return new ProblemDetails { Status = bad.StatusCode, Title = "The request is malformed.", Detail = bad.Message };
    }

    // A body the JSON reader could not read, or a value it read that does not fit its field.
    private static ProblemDetails Body(JsonException json, int status)
    {
        var field = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : null;
        var where = $"line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}";
        if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var wrongToken = TokenMismatch().Match(json.InnerException?.Message ?? string.Empty);
            var rule = wrongToken.Success
                ? $"Expected {JsonTokenName(wrongToken.Groups["expected"].Value)}, not {JsonTokenName(wrongToken.Groups["token"].Value)}."
                : "Not a value of this field's type, or out of its range.";
            return field is null
                ? new ProblemDetails { Status = status, Title = "The request is malformed.", Detail = $"The body is not the JSON object this call takes ({where})." }
                : Fields(status, field, rule);
        }

        // The reader's own messages say what it found where, in JSON's terms.
        var reason = json.Message.Split(" Path:", 2)[0];
        return new ProblemDetails { Status = status, Title = "The request is malformed.", Detail = $"The body is not well-formed JSON at {where}: {reason}" };
    }

    // Titled as the validators' problems are, by default.
    private static HttpValidationProblemDetails Fields(int status, string field, string rule) =>
        new(new Dictionary<string, string[]> { [field] = [rule] }) { Status = status };

    // A parameter as the caller names it: a property of a parameter object (MaxMoq) is the query's maxMoq.
    private static string ParameterName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    // What a value of a parameter's type looks like, for the types routes and queries take.
    private static string? ValueKind(string type) =>
        type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>', '?') switch
        {
            "int" or "long" => "a whole number",
            "decimal" or "double" => "a number",
            "bool" => "true or false",
            "Guid" => "a UUID",
            "DateTime" => "a date and time such as 2026-01-31T09:00:00Z",
            "DateOnly" => "a date such as 2026-01-31",
            _ => null,
        };

    // A JSON token as a caller would name it: 'StartArray' is an array.
    private static string JsonTokenName(string token) => token switch
    {
        "StartArray" => "an array",
        "StartObject" => "an object",
        "True" or "False" or "Null" => token.ToLowerInvariant(),
        _ => $"a {token.ToLowerInvariant()}",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline)]
    private static partial Regex MissingParameter();

    [GeneratedRegex("""token type '(?<token>\w+)' as an? (?<expected>\w+)""")]
    private static partial Regex TokenMismatch();
}
