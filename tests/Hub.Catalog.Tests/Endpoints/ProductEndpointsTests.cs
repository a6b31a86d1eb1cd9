using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Catalog.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Tests.Endpoints;

public sealed class ProductEndpointsTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task Create_TextsInFourLanguages_RoundTrip()
    {
        using var supplier = await fixture.SupplierAsync();
        ProductTextDto[] texts =
        [
            new("ko", "무선 이어폰 — 노이즈 캔슬링", "블루투스 5.3, 최대 30시간 재생"),
            new("zh", "蓝牙耳机（降噪）", "蓝牙5.3，续航30小时"),
            new("ms", "Fon kepala tanpa wayar", "Bluetooth 5.3, bateri tahan 30 jam"),
            new("en", "Wireless earbuds", "Bluetooth 5.3, 30 h battery — \"ANC\""),
        ];
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product() with { Texts = texts }, list: false);

        var product = await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}");
        product!.Texts.ShouldBe(texts);
        product.Status.ShouldBe("draft");
        product.Id.ShouldStartWith("KR-P-");
        product.Stock.OnHand.ShouldBe(100);
    }

    [Fact]
    public async Task Create_ProductIds_AreIssuedFromTheHubSequence()
    {
        using var supplier = await fixture.SupplierAsync();
        var first = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(), list: false);
        var second = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(), list: false);
        Hub.Contracts.Values.ProductId.Parse(second).Number.ShouldBeGreaterThan(Hub.Contracts.Values.ProductId.Parse(first).Number);
    }

    [Fact]
    public async Task Create_BadInput_Returns400NamingFields_AndSavesNothing()
    {
        using var supplier = await fixture.SupplierAsync();
        var before = await CountProductsAsync();
        var bad = Requests.Product() with
        {
            HsCode = "999999",
            Origin = "XX",
            NationalLines = [new NationalLineDto("CN", "8517130000")],
            Unit = new UnitMeasuresDto(0.2m, 0.25m, 0m, 8m, 4m),
            Moq = -1,
            Prices = new PricesDto("WON", [new PriceTierDto(1, 12_000m)]),
            Texts = [new ProductTextDto("ko", new string('가', 201), "")],
        };

        var response = await supplier.PostAsJsonAsync("/api/catalog/products", bad);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["hsCode", "origin", "unit.lengthCm", "moq", "prices.currency", "texts[0].title"], ignoreOrder: true, customMessage: problem.ToString());

        var foreignLine = await supplier.PostAsJsonAsync("/api/catalog/products", Requests.Product() with { NationalLines = [new NationalLineDto("CN", "8517130000")] });
        foreignLine.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreignLine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["nationalLines[0].line"]);
        (await CountProductsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("prices.tiers", "[null]", "prices.tiers[0]")]
    [InlineData("prices.tiers", "[null, {\"minQuantity\": 10, \"unitPrice\": 12000}]", "prices.tiers[0]")]
    [InlineData("texts", "[null]", "texts[0]")]
    [InlineData("nationalLines", "[null]", "nationalLines[0]")]
    [InlineData("unit.netWeightKg", "79228162514264337593543950335", "unit.netWeightKg")]
    [InlineData("texts", "[{\"language\": \"ko\", \"title\": \"무선\\u0000이어폰\"}]", "texts[0].title")]
    [InlineData("texts", "[{\"language\": \"ko\", \"title\": \"무선 이어폰\", \"description\": \"블루투스\\u0000\"}]", "texts[0].description")]
    [InlineData("texts", "[{\"language\": \"ko\", \"title\": \"무선\\u001b[31m이어폰\"}]", "texts[0].title")]
    public async Task Create_MalformedPart_Returns400NamingIt_AndSavesNothing(string path, string json, string field)
    {
        using var supplier = await fixture.SupplierAsync();
        var before = await CountProductsAsync();
        var request = JsonSerializer.SerializeToNode(Requests.Product() with { Packaging = new PackagingDto(2, 45m, 35m, 25m, 13.5m) }, JsonSerializerOptions.Web)!;
        var names = path.Split('.');
        names[..^1].Aggregate(request, (node, name) => node[name]!)[names[^1]] = JsonNode.Parse(json);

        var response = await supplier.PostAsync("/api/catalog/products", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(field, problem.ToString());
        (await CountProductsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateOrUpdate_LanguageTagLongerThanItsColumn_Returns400NamingIt_AndChangesNothing()
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(), list: false);
        var before = await CountProductsAsync();
        var request = Requests.Product() with { Texts = [new ProductTextDto("abc-abcdefgh-abcdefgh", "무선 이어폰", "")] };

        var created = await supplier.PostAsJsonAsync("/api/catalog/products", request);
        var updated = await supplier.PutAsJsonAsync($"/api/catalog/products/{id}", request);

        foreach (var response in new[] { created, updated })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["texts[0].language"]);
        }

        (await CountProductsAsync()).ShouldBe(before);
        (await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}"))!.Texts.Single().Language.ShouldBe("ko");
        var longest = Requests.Product() with { Texts = [new ProductTextDto("zh-Hant-abcdefgh", "蓝牙耳机", "")] };
        (await supplier.PutAsJsonAsync($"/api/catalog/products/{id}", longest)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateAndUpdate_LongestTextsOfDistinctCharacters_AreSavedAndFound()
    {
        using var supplier = await fixture.SupplierAsync();
        // 5,200 different Hangul syllables: every character and pair a new search key, the most a text can make.
        var hangul = new string([.. Enumerable.Range(0, 5200).Select(i => (char)(0xAC00 + i))]);
        var (title, description) = (hangul[..200], hangul[200..]);

        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: title, description: description));
        var other = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(), list: false);
        var updated = await supplier.PutAsJsonAsync($"/api/catalog/products/{other}", Requests.Product(title: title, description: description));

        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());
        var found = await buyer.GetFromJsonAsync<ProductPage>($"/api/catalog/products?q={Uri.EscapeDataString(hangul[^2..])}");
        found!.Items.Select(p => p.Id).ShouldBe([id]);
    }

    [Fact]
    public async Task Update_PriceChangesAtOnce_OneWins_TheOthersAreConflicts()
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 10));

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            supplier.PutAsJsonAsync($"/api/catalog/products/{id}", Requests.Product(moq: 10, tiers: [new PriceTierDto(10, 10_000m + i)]))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        var won = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        won.ShouldBeGreaterThanOrEqualTo(1);
        await using var db = fixture.CreateDb();
        (await db.PriceVersions.CountAsync(v => v.ProductId == id)).ShouldBe(1 + won);
    }

    [Fact]
    public async Task Create_DescriptionWithTabsAndLineBreaks_IsKept()
    {
        using var supplier = await fixture.SupplierAsync();
        var description = "블루투스 5.3\r\n\t노이즈 캔슬링\n30시간";
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(description: description), list: false);

        (await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}"))!.Texts.Single().Description.ShouldBe(description);
    }

    [Fact]
    public async Task Create_WithoutSupplierRegistration_IsConflict()
    {
        using var client = fixture.ClientFor(CatalogFixture.NewCompany());
        var response = await client.PostAsJsonAsync("/api/catalog/products", Requests.Product());
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/prices")]
    [InlineData("PUT", "")]
    [InlineData("POST", "/list")]
    [InlineData("POST", "/delist")]
    [InlineData("PUT", "/stock")]
    public async Task MalformedProductId_IsAValidationProblemNamingTheId(string method, string action)
    {
        using var supplier = await fixture.SupplierAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/catalog/products/KR-O-000001{action}")
        {
            Content = method == "GET" ? null : action == "/stock" ? JsonContent.Create(new StockRequest(5, null)) : JsonContent.Create(Requests.Product()),
        };

        var response = await supplier.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("id")[0].GetString()!.ShouldContain("'KR-O-000001' is not a product id");
    }

    [Fact]
    public async Task EditingAnotherCompanysProduct_Returns404_AndChangesNothing()
    {
        using var owner = await fixture.SupplierAsync();
        using var other = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(owner, Requests.Product(title: "원본 제목"), list: false);

        (await other.PutAsJsonAsync($"/api/catalog/products/{id}", Requests.Product(title: "탈취"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/catalog/products/{id}/list", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/catalog/products/{id}/delist", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/catalog/products/{id}/stock", new StockRequest(0, null))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/catalog/products/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var product = await owner.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}");
        product!.Texts[0].Title.ShouldBe("원본 제목");
        product.Status.ShouldBe("draft");
        product.Stock.OnHand.ShouldBe(100);
    }

    [Fact]
    public async Task ListAndDelist_FollowTheRules_AndPublishEvents()
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(), list: false);

        (await supplier.PostAsync($"/api/catalog/products/{id}/delist", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await supplier.PostAsync($"/api/catalog/products/{id}/list", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supplier.PostAsync($"/api/catalog/products/{id}/list", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var delisted = await supplier.PostAsync($"/api/catalog/products/{id}/delist", null);
        delisted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await delisted.Content.ReadFromJsonAsync<ProductResponse>())!.Status.ShouldBe("delisted");
        (await supplier.PutAsJsonAsync($"/api/catalog/products/{id}", Requests.Product())).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await fixture.OutboxBodiesAsync("ProductListed")).Count(b => b.Contains(id, StringComparison.Ordinal)).ShouldBe(1);
        (await fixture.OutboxBodiesAsync("ProductDelisted")).Count(b => b.Contains(id, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ListAndDelist_ManyAtOnce_OneSucceedsAndPublishes_TheOthersAreConflicts()
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product());
        (await supplier.PostAsync($"/api/catalog/products/{id}/delist", null)).EnsureSuccessStatusCode();

        foreach (var (action, status, eventName) in new[] { ("list", "listed", "ProductListed"), ("delist", "delisted", "ProductDelisted") })
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => supplier.PostAsync($"/api/catalog/products/{id}/{action}", null)));

            HttpStatusCode[] oneWins = [HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.Conflict, 9)];
            responses.Select(r => r.StatusCode).Order().ToArray().ShouldBe(oneWins, action);
            var winner = (await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<ProductResponse>())!;
            winner.Status.ShouldBe(status);
            (await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}"))!.ListedAt.ShouldBe(winner.ListedAt);
            (await fixture.OutboxBodiesAsync(eventName)).Count(b => b.Contains(id, StringComparison.Ordinal)).ShouldBe(2, eventName);
        }
    }

    [Fact]
    public async Task Update_NewPrices_AddsPriceVersionAndPublishesPriceChanged()
    {
        using var supplier = await fixture.SupplierAsync();
        var request = Requests.Product(moq: 10);
        var id = await CatalogFixture.CreateProductAsync(supplier, request);

        var same = await supplier.PutAsJsonAsync($"/api/catalog/products/{id}", request with { LeadTimeDays = 21 });
        (await same.Content.ReadFromJsonAsync<ProductResponse>())!.Prices.Version.ShouldBe(1);

        var changed = await supplier.PutAsJsonAsync($"/api/catalog/products/{id}",
            request with { Prices = new PricesDto("KRW", [new PriceTierDto(10, 11_500m)]) });
        var product = (await changed.Content.ReadFromJsonAsync<ProductResponse>())!;
        product.Prices.Version.ShouldBe(2);
        product.Prices.Tiers.ShouldBe([new PriceTierDto(10, 11_500m)]);
        product.LeadTimeDays.ShouldBe(14);

        await using var db = fixture.CreateDb();
        (await db.PriceVersions.CountAsync(v => v.ProductId == id)).ShouldBe(2);
        var priceChanged = (await fixture.OutboxBodiesAsync("PriceChanged")).Where(b => b.Contains(id, StringComparison.Ordinal)).ToList();
        priceChanged.Count.ShouldBe(1);
        JsonDocument.Parse(priceChanged[0]).RootElement.GetProperty("unitPricesMinor").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([11_500L]);
        (await fixture.OutboxBodiesAsync("ProductUpdated")).Count(b => b.Contains(id, StringComparison.Ordinal)).ShouldBe(2);

        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());
        var history = await buyer.GetFromJsonAsync<List<PriceListDto>>($"/api/catalog/products/{id}/prices");
        history!.Select(v => (v.Version, v.Tiers[0].UnitPrice)).ShouldBe([(2, 11_500m), (1, 12_000m)]);
    }

    [Fact]
    public async Task Update_BadInput_Returns400_AndKeepsTheProduct()
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: "그대로"));
        var response = await supplier.PutAsJsonAsync($"/api/catalog/products/{id}",
            Requests.Product(title: "바뀜") with { Prices = new PricesDto("KRW", [new PriceTierDto(10, -5m)]) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var product = await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}");
        product!.Texts[0].Title.ShouldBe("그대로");
        product.Prices.Version.ShouldBe(1);
    }

    [Fact]
    public async Task CountStock_BelowReserved_IsConflict_BelowThreshold_PublishesStockLow()
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 1, stock: 20) with { LowStockThreshold = 5 });
        var reserve = new V1.ReserveStockRequest { OrderId = "KR-O-900001" };
        reserve.Lines.Add(new V1.ReservationLine { ProductId = id, Quantity = 3 });
        (await fixture.Grpc.ReserveStockAsync(reserve)).Reserved.ShouldBeTrue();

        (await supplier.PutAsJsonAsync($"/api/catalog/products/{id}/stock", new StockRequest(2, null))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await supplier.PutAsJsonAsync($"/api/catalog/products/{id}/stock", new StockRequest(-1, null))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var counted = await supplier.PutAsJsonAsync($"/api/catalog/products/{id}/stock", new StockRequest(7, null));
        (await counted.Content.ReadFromJsonAsync<StockDto>()).ShouldBe(new StockDto(4, 7, 3, 5));
        (await fixture.OutboxBodiesAsync("StockLow")).Count(b => b.Contains(id, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory]
    [InlineData("{\"onHandd\": 500}")]
    [InlineData("{}")]
    [InlineData("{\"onHand\": null, \"lowStockThreshold\": 3}")]
    public async Task CountStock_WithoutOnHand_Returns400_AndKeepsTheStock(string json)
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(stock: 40) with { LowStockThreshold = 5 });

        var response = await supplier.PutAsync($"/api/catalog/products/{id}/stock", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("onHand")[0].GetString().ShouldStartWith("onHand is required");
        (await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}"))!.Stock.ShouldBe(new StockDto(40, 40, 0, 5));
    }

    [Theory]
    [InlineData("leadTimeDays")]
    [InlineData("moq")]
    public async Task CreateOrUpdate_WithoutARequiredNumber_Returns400_AndChangesNothing(string field)
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 10) with { LeadTimeDays = 21 }, list: false);
        var before = await CountProductsAsync();
        var request = JsonSerializer.SerializeToNode(Requests.Product(moq: 10, title: "바뀜"), JsonSerializerOptions.Web)!.AsObject();
        request.Remove(field);

        var created = await supplier.PostAsync("/api/catalog/products", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var updated = await supplier.PutAsync($"/api/catalog/products/{id}", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        foreach (var response in new[] { created, updated })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        }

        (await CountProductsAsync()).ShouldBe(before);
        var product = (await supplier.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{id}"))!;
        (product.LeadTimeDays, product.Moq, product.Texts[0].Title).ShouldBe((21, 10, "무선 이어폰"));
    }

    [Fact]
    public async Task Buyers_SeeListedProductsOnly_WithoutStockDetails()
    {
        using var supplier = await fixture.SupplierAsync();
        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());
        var listed = await CatalogFixture.CreateProductAsync(supplier, Requests.Product());
        var draft = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(), list: false);

        var product = await buyer.GetFromJsonAsync<ProductResponse>($"/api/catalog/products/{listed}");
        product!.Stock.ShouldBe(new StockDto(100, null, null, null));
        (await buyer.GetAsync($"/api/catalog/products/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var op = fixture.OperatorClient();
        (await op.GetAsync($"/api/catalog/products/{draft}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await buyer.PostAsJsonAsync("/api/catalog/products", Requests.Product())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostAsJsonAsync("/api/catalog/products", Requests.Product())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<int> CountProductsAsync()
    {
        await using var db = fixture.CreateDb();
        return await db.Products.CountAsync();
    }
}
