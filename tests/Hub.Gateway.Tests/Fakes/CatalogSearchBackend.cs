using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>
/// A hub's catalog search answering with fixed items, each stamped with the bearer token it was asked with, after
/// an optional delay. Like the real catalog, it refuses a <c>limit</c> above 100 with a validation problem.
/// </summary>
internal static class CatalogSearchBackend
{
    public static Task<WebApplication> StartAsync(TimeSpan delay, params (string Id, string Title, double Rank)[] products) =>
        Backend.StartAsync(HttpProtocols.Http1, ports: 1, _ => { }, app => app.MapGet("/api/catalog/products", async (HttpContext context) =>
        {
            if (int.TryParse(context.Request.Query["limit"], out var limit) && limit > 100)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 100."] }, title: "The search is invalid.");
            }

            await Task.Delay(delay, context.RequestAborted);
            var items = new JsonArray();
            foreach (var (id, title, rank) in products)
            {
                items.Add(new JsonObject
                {
                    ["id"] = id,
                    ["title"] = title,
                    ["rank"] = rank,
                    ["askedWith"] = context.Request.Headers.Authorization.ToString(),
                    ["query"] = context.Request.QueryString.Value,
                });
            }

            return Results.Json(new JsonObject { ["items"] = items });
        }));
}
