using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hub.ServiceDefaults.Problems;

/// <summary>
/// Refuses a request whose query or JSON body carries the NUL character (<c>\u0000</c>). No field of any service
/// accepts it, and PostgreSQL can keep it in neither text nor JSON: let through, it fails the request's transaction
/// (a 500, or a 503 where another service stores it) instead of naming the field.
/// </summary>
internal sealed class NulCharacterGuard(RequestDelegate next, IProblemDetailsService problems)
{
    private const string Refusal = "Text must not contain the NUL character (\\u0000).";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        string? field = null;
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            field = QueryParameterWithNul(request.Query);
        }
        else if (request.HasJsonContentType() && request.ContentLength != 0)
        {
            request.EnableBuffering();
            if (await HasNulEscapeAsync(request.Body, context.RequestAborted))
            {
                request.Body.Position = 0;
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, context.RequestAborted);
                field = JsonFieldWithNul(body.GetBuffer().AsSpan(0, (int)body.Length));
            }

            request.Body.Position = 0;
        }

        if (field is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Refusal] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
        });
    }

    /// <summary>
    /// Whether the body holds <c>\u0000</c>, the only way JSON text can carry NUL (a raw control character is malformed
    /// JSON). Read in pooled chunks: most bodies have no such sequence and are not parsed here.
    /// </summary>
    private static async Task<bool> HasNulEscapeAsync(Stream body, CancellationToken cancellationToken)
    {
        var pattern = "u0000"u8.ToArray();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            // The last bytes of a chunk are kept in front of the next, so an escape split between two reads is found.
            var kept = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(kept), cancellationToken)) > 0)
            {
                var filled = kept + read;
                if (buffer.AsSpan(0, filled).IndexOf(pattern) >= 0)
                {
                    return true;
                }

                kept = Math.Min(pattern.Length - 1, filled);
                buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The query parameter whose value holds NUL; <c>query</c> when a parameter's name does.</summary>
    private static string QueryParameterWithNul(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                break;
            }

            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return name;
            }
        }

        return "query";
    }

    /// <summary>
    /// The path (<c>lines[0].namedPlace</c>) of the first string or property name in <paramref name="json"/> holding
    /// NUL, <c>body</c> for a top-level one; null when there is none, or when the body is not JSON (the endpoint says so).
    /// </summary>
    internal static string? JsonFieldWithNul(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var path = new List<Segment>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1].Name = name;
                        if (name.Contains('\0', StringComparison.Ordinal))
                        {
                            return PathOf(path);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Segment(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                        {
                            return PathOf(path);
                        }

                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static void Advance(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].InArray)
        {
            path[^1].Index++;
        }
    }

    private static string PathOf(List<Segment> path)
    {
        var text = string.Concat(path.Select(s => s.InArray ? $"[{s.Index}]" : s.Name is null ? "" : $".{s.Name}")).TrimStart('.');
        return text.Length == 0 ? "body" : text;
    }

    /// <summary>Where the reader is in one object (the property) or array (the index).</summary>
    private sealed class Segment(bool inArray)
    {
        public bool InArray { get; } = inArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
