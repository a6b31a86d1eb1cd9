using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;

namespace Hub.Order.Tests.Endpoints;

/// <summary>
/// An order's timeline followed as server-sent events: the steps so far, then each new one as it is recorded, from
/// where the client left off; only by those who may read the order.
/// </summary>
public sealed class TimelineStreamTests(TimelineStreamTests.Fixture fixture) : IClassFixture<TimelineStreamTests.Fixture>
{
    [Fact]
    public async Task Follower_GetsTheStepsSoFar_ThenEachNewOne_AndResumesAfterTheLastItSaw()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var order = await PlaceAsync(buyer);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using (var stream = await SseStream.OpenAsync(buyer, $"/api/order/orders/{order}/timeline/stream", lastEventId: null, timeout.Token))
        {
            stream.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
            var placed = await stream.NextAsync(timeout.Token);
            (placed.Id, placed.Event).ShouldBe(("1", "step"));
            placed.Data.GetProperty("step").GetProperty("step").GetString().ShouldBe("Placed");
            placed.Data.GetProperty("status").GetString().ShouldBe("Placed");

            // A step recorded while the client follows arrives on the open stream, after those before it.
            (await buyer.PostAsync($"/api/order/orders/{order}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var steps = new List<SseEvent>();
            while (steps.Count == 0 || steps[^1].Data.GetProperty("step").GetProperty("step").GetString() != "Cancelled")
            {
                steps.Add(await stream.NextAsync(timeout.Token));
            }

            steps.Select(s => int.Parse(s.Id!)).ShouldBeInOrder();
            steps[0].Id.ShouldNotBe("1");
            steps[^1].Data.GetProperty("status").GetString().ShouldBe("Cancelled");
        }

        // Reconnecting with the last id seen sends only what came after it.
        var timeline = (await OrderFixture.GetAsync(buyer, order)).Timeline!;
        await using var resumed = await SseStream.OpenAsync(buyer, $"/api/order/orders/{order}/timeline/stream", lastEventId: "1", timeout.Token);
        var next = await resumed.NextAsync(timeout.Token);
        next.Id.ShouldBe(timeline[1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        next.Data.GetProperty("step").GetProperty("step").GetString().ShouldBe(timeline[1].Step);
    }

    [Fact]
    public async Task AnotherCompany_OrAnOrderOfAnotherHub_IsNotFound_ABadLastEventIdIsABadRequest()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var order = await PlaceAsync(buyer);
        var stranger = fixture.ClientFor(OrderFixture.NewCompany());

        (await stranger.GetAsync($"/api/order/orders/{order}/timeline/stream")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var remote = await buyer.GetAsync("/api/order/orders/CN-O-000001/timeline/stream");
        remote.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await remote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("follow it at that hub's gateway");
        using var bad = new HttpRequestMessage(HttpMethod.Get, $"/api/order/orders/{order}/timeline/stream");
        bad.Headers.Add("Last-Event-ID", "-3");
        var refused = await buyer.SendAsync(bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Last-Event-ID")[0].GetString()!.ShouldContain("'-3'");
        var after = await buyer.GetAsync($"/api/order/orders/{order}/timeline/stream?after=x");
        after.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("after").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    private async Task<string> PlaceAsync(HttpClient buyer)
    {
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 100);
        var placed = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 5, null)), Guid.NewGuid().ToString());
        placed.EnsureSuccessStatusCode();
        return (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;
    }

    /// <summary>The order service polling its timelines often, so that a test does not wait on the default second.</summary>
    public sealed class Fixture : OrderFixture
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Order:TimelineStream:Poll"] = "00:00:00.100";
            settings["Order:TimelineStream:Heartbeat"] = "00:00:00.500";
        }
    }

    private sealed record SseEvent(string? Id, string? Event, JsonElement Data);

    /// <summary>Reads server-sent events off an open response, skipping comments and the retry hint.</summary>
    private sealed class SseStream : IAsyncDisposable
    {
        private readonly StreamReader _reader;

        private SseStream(HttpResponseMessage response, StreamReader reader)
        {
            Response = response;
            _reader = reader;
        }

        public HttpResponseMessage Response { get; }

        public static async Task<SseStream> OpenAsync(HttpClient client, string path, string? lastEventId, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return new SseStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
        }

        public async Task<SseEvent> NextAsync(CancellationToken cancellationToken)
        {
            string? id = null, name = null, data = null;
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data is not null)
                    {
                        return new SseEvent(id, name, JsonDocument.Parse(data).RootElement.Clone());
                    }

                    continue;
                }

                var (field, value) = line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (line[..colon], line[(colon + 1)..].TrimStart()) : (line, "");
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data": data = value; break;
                }
            }

            throw new InvalidOperationException("The stream ended.");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            Response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
