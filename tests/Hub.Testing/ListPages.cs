using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Testing;

/// <summary>Walks the platform's paged lists: each page a JSON array, the next asked for after the previous page's last item.</summary>
public static class ListPages
{
    /// <summary>
    /// Every item of the list at <paramref name="path"/> (which may carry its own query), in pages of
    /// <paramref name="limit"/>, each asked for with <paramref name="cursor"/> set to the previous page's last item's
    /// <paramref name="idProperty"/>, until a page comes back empty. Throws if a page holds more than the limit or the
    /// walk does not end within <paramref name="maxPages"/> pages (a cursor the list ignores walks forever).
    /// </summary>
    /// <param name="client">The caller.</param>
    /// <param name="path">The list's path and filters.</param>
    /// <param name="cursor">The query parameter naming the previous page's last item (<c>after</c> or <c>before</c>).</param>
    /// <param name="limit">The page size asked for.</param>
    /// <param name="idProperty">The item's property the cursor names.</param>
    /// <param name="maxPages">The most pages the walk may take.</param>
    public static async Task<List<JsonElement>> WalkAsync(HttpClient client, string path, string cursor, int limit, string idProperty = "id", int maxPages = 100)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var walked = new List<JsonElement>();
        for (var pages = 0; pages < maxPages; pages++)
        {
            var next = walked.Count == 0 ? "" : $"&{cursor}={Uri.EscapeDataString(walked[^1].GetProperty(idProperty).GetString()!)}";
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}{separator}limit={limit}{next}");
            if (page.GetArrayLength() > limit)
            {
                throw new InvalidOperationException($"A page of {path} held {page.GetArrayLength()} items, more than the limit {limit}.");
            }

            if (page.GetArrayLength() == 0)
            {
                return walked;
            }

            walked.AddRange(page.EnumerateArray());
        }

        throw new InvalidOperationException($"The walk through {path} did not end within {maxPages} pages.");
    }
}
