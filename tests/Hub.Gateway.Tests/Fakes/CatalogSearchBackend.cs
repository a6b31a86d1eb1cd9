using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>
/// A hub's catalog search answering with fixed items, each stamped with the bearer token it was asked with, after
/// an optional delay.
/// </summary>
internal static class CatalogSearchBackend
{
    public static Task<WebApplication> StartAsync(TimeSpan delay, params (string Id, string Title, double Rank)[] products) =>
        Backend.StartAsync(HttpProtocols.Http1, ports: 1, _ => { }, app => app.MapGet("/api/catalog/products", async (HttpContext context) =>
        {
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
