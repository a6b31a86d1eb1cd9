using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>
/// A hub's catalog search answering with fixed items, each stamped with the bearer token and query it was asked with,
/// after an optional delay. Like the real catalog it pages (<c>limit</c>, default 20, at most 100; <c>nextCursor</c>),
/// refuses a cursor that is not its own, a <c>limit</c> out of range or an unknown <c>sort</c> with a validation problem
/// at its own path, and a <c>maxMoq</c> that is not a number with a plain problem (as a parameter that does not bind).
/// </summary>
internal static class CatalogSearchBackend
{
    private const string Path = "/api/catalog/products";
    private static readonly string[] Sorts = ["newest", "price_asc", "price_desc", "moq_asc"];

    public static Task<WebApplication> StartAsync(TimeSpan delay, params (string Id, string Title, double Rank)[] products) =>
        ServeAsync(delay, () => [.. products.Select(p => new JsonObject { ["id"] = p.Id, ["title"] = p.Title, ["rank"] = p.Rank })]);

    /// <summary>A catalog of products without a rank, as the real catalog answers.</summary>
    public static Task<WebApplication> StartAsync(params string[] ids) => StartAsync(ids.ToList());

    /// <summary>A catalog of products without a rank whose list the test may change between searches.</summary>
    public static Task<WebApplication> StartAsync(List<string> ids) => StartAsync(ids, down: () => false);

    /// <summary>A catalog of products without a rank that answers 503 whenever <paramref name="down"/> says it is down.</summary>
    public static Task<WebApplication> StartAsync(List<string> ids, Func<bool> down) =>
        ServeAsync(TimeSpan.Zero, () => [.. ids.Select(id => new JsonObject { ["id"] = id })], down);

    private static Task<WebApplication> ServeAsync(TimeSpan delay, Func<JsonObject[]> listed, Func<bool>? down = null) =>
        Backend.StartAsync(HttpProtocols.Http1, ports: 1, _ => { }, app => app.MapGet(Path, async (HttpContext context) =>
        {
            if (down?.Invoke() == true)
            {
                return Results.Problem("The catalog is down.", Path, StatusCodes.Status503ServiceUnavailable);
            }

            var products = listed();
            // The cursor names the catalog it came from, so one sent to the wrong hub is refused.
            var owner = products.Length > 0 ? products[0]["id"]!.GetValue<string>().Split('-')[0] : "none";
            var query = context.Request.Query;
            if (query.ContainsKey("maxMoq") && !int.TryParse(query["maxMoq"], out _))
            {
                return Results.Problem(
                    $"maxMoq '{query["maxMoq"]}' cannot be read.", Path, StatusCodes.Status400BadRequest, "The request is malformed.");
            }

            var errors = new Dictionary<string, string[]>();
            var limit = 20;
            if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], out limit) || limit is < 1 or > 100))
            {
                errors["limit"] = ["Between 1 and 100."];
            }

            if (query.ContainsKey("sort") && !Sorts.Contains(query["sort"].ToString()))
            {
                errors["sort"] = [$"One of {string.Join(", ", Sorts)}."];
            }

            var offset = 0;
            if (query.ContainsKey("cursor")
                && !(query["cursor"].ToString().Split(':') is [var of, var at] && of == owner && int.TryParse(at, CultureInfo.InvariantCulture, out offset)))
            {
                errors["cursor"] = ["Not a cursor of this search; pass back the nextCursor of the previous page with the same sort."];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, instance: Path, title: "The search is invalid.");
            }

            await Task.Delay(delay, context.RequestAborted);
            var items = new JsonArray();
            foreach (var product in products.Skip(offset).Take(limit))
            {
                var item = (JsonObject)product.DeepClone();
                item["askedWith"] = context.Request.Headers.Authorization.ToString();
                item["query"] = context.Request.QueryString.Value;
                items.Add(item);
            }

            var next = offset + limit < products.Length ? $"{owner}:{offset + limit}" : null;
            return Results.Json(new JsonObject { ["items"] = items, ["nextCursor"] = next });
        }));
}
