using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Catalog.Endpoints;

namespace Hub.Catalog.Tests.Endpoints;

public sealed class ProductSearchTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static int _words;

    /// <summary>A search word no other test's products contain, so each test sees exactly its own products.</summary>
    private static string NewWord() => "zq" + string.Concat(Interlocked.Increment(ref _words).ToString("000", System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));

    private async Task<ProductPage> SearchAsync(string query)
    {
        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());
        var response = await buyer.GetAsync($"/api/catalog/products?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProductPage>())!;
    }

    [Theory]
    [InlineData("ko", "무선 이어폰", "이어폰")]
    [InlineData("ko", "무선 이어폰", "무선")]
    [InlineData("zh", "蓝牙耳机", "耳机")]
    [InlineData("zh", "不锈钢保温杯 500毫升", "保温杯")]
    [InlineData("ms", "Minyak sawit mentah", "sawit")]
    [InlineData("en", "Natural rubber gloves", "GLOVES")]
    [InlineData("zh", "无线蓝牙耳机", "耳")]
    [InlineData("ko", "무선이어폰케이스", "이어폰")]
    public async Task Search_WordOrSubstringInAnyLanguage_FindsTheProduct(string language, string title, string query)
    {
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product() with { Texts = [new ProductTextDto(language, title, "")] });

        var page = await SearchAsync($"q={Uri.EscapeDataString(query)}&limit=100");

        page.Items.ShouldContain(p => p.Id == id && p.Title == title);
    }

    [Fact]
    public async Task Search_NoWordMatches_FallsBackToSubstrings()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product() with { Texts = [new ProductTextDto("en", $"Earphones{word}", "")] });

        (await SearchAsync($"q=phones{word}")).Items.Select(p => p.Id).ShouldBe([id]);
        (await SearchAsync($"q=phones{word}x")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_MatchesDescriptionsAndOtherLanguages_AndPrefersTheAskedLanguage()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product() with
        {
            Texts = [new ProductTextDto("ko", "수분 크림", ""), new ProductTextDto("zh", "保湿霜", $"韩国 {word}")],
        });

        (await SearchAsync($"q={word}")).Items.Single().ShouldSatisfyAllConditions(
            p => p.Id.ShouldBe(id),
            p => p.Title.ShouldBe("수분 크림"));
        (await SearchAsync($"q={word}&lang=zh")).Items.Single().Title.ShouldBe("保湿霜");
    }

    [Fact]
    public async Task Search_AfterTheTextsChange_FindsTheNewWordsOnly()
    {
        var (before, after, dropped) = (NewWord(), NewWord(), NewWord());
        using var supplier = await fixture.SupplierAsync();
        var request = Requests.Product() with { Texts = [new ProductTextDto("en", $"Gloves {before}", ""), new ProductTextDto("ko", "고무 장갑", dropped)] };
        var id = await CatalogFixture.CreateProductAsync(supplier, request);
        (await SearchAsync($"q={dropped}")).Items.Select(p => p.Id).ShouldBe([id]);

        var updated = await supplier.PutAsJsonAsync($"/api/catalog/products/{id}", request with { Texts = [new ProductTextDto("en", $"Gloves {after}", "")] });

        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await SearchAsync($"q={before}")).Items.ShouldBeEmpty();
        (await SearchAsync($"q={dropped}")).Items.ShouldBeEmpty();
        (await SearchAsync($"q={after}")).Items.Single().ShouldSatisfyAllConditions(p => p.Id.ShouldBe(id), p => p.Title.ShouldBe($"Gloves {after}"));
    }

    [Fact]
    public async Task Search_WordsOverSeveralPages_FoundWhetherThePageFillsOrNot()
    {
        // A full page comes from walking the sort order, a short one from the full-text index: the pages must agree.
        var (common, rare) = (NewWord(), NewWord());
        using var supplier = await fixture.SupplierAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await CatalogFixture.CreateProductAsync(supplier, Requests.Product() with
            {
                Texts = [new ProductTextDto("en", $"Gloves {common}", i % 3 == 0 ? rare : "")],
            }));
        }

        var all = await SearchAsync($"q={common}&limit=4");
        all.Items.Select(p => p.Id).ShouldBe(ids.AsEnumerable().Reverse().Take(4));
        (await SearchAsync($"q={common}&limit=4&cursor={all.NextCursor}")).Items.Select(p => p.Id).ShouldBe([ids[1], ids[0]]);
        (await SearchAsync($"q={rare}&limit=4")).Items.Select(p => p.Id).ShouldBe([ids[3], ids[0]]);
    }

    [Fact]
    public async Task Search_DraftsAndDelistedProducts_AreNotFound()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: word), list: false);
        var delisted = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: word));
        (await supplier.PostAsync($"/api/catalog/products/{delisted}/delist", null)).EnsureSuccessStatusCode();

        (await SearchAsync($"q={word}")).Items.ShouldBeEmpty();
        var mine = await supplier.GetFromJsonAsync<ProductPage>($"/api/catalog/products/mine?q={word}");
        mine!.Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Mine_ByStatusName_ListsThatStatusOnly()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var draft = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: word), list: false);
        var listed = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: word));

        (await supplier.GetFromJsonAsync<ProductPage>($"/api/catalog/products/mine?q={word}&status=DRAFT"))!.Items.Select(p => p.Id).ShouldBe([draft]);
        (await supplier.GetFromJsonAsync<ProductPage>($"/api/catalog/products/mine?q={word}&status=%20listed"))!.Items.Select(p => p.Id).ShouldBe([listed]);
    }

    [Theory]
    [InlineData("status=9")]
    [InlineData("status=1")]
    [InlineData("status=-1")]
    [InlineData("status=Draft,Listed")]
    [InlineData("status=draft%2C%20delisted")]
    public async Task MineAndSearch_StatusThatIsNoName_Returns400NamingIt(string query)
    {
        using var supplier = await fixture.SupplierAsync();
        await CatalogFixture.CreateProductAsync(supplier, Requests.Product());

        foreach (var path in new[] { "/api/catalog/products/mine", "/api/catalog/products" })
        {
            var response = await supplier.GetAsync($"{path}?{query}");

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["status"], path);
        }
    }

    [Fact]
    public async Task Search_Filters_NarrowTheResults()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var earbuds = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: $"earbuds {word}", hs: "851830", moq: 10, stock: 100,
            tiers: [new PriceTierDto(10, 12_000m)]));
        var cream = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: $"cream {word}", hs: "330499", moq: 100, stock: 50,
            tiers: [new PriceTierDto(100, 5_000m)]));
        var shirts = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: $"t-shirt {word}", hs: "610910", origin: "CN", moq: 5, stock: 0,
            tiers: [new PriceTierDto(5, 3_000m)]));

        async Task<List<string>> Ids(string filter) => [.. (await SearchAsync($"q={word}&{filter}")).Items.Select(p => p.Id)];

        (await Ids("hs=85")).ShouldBe([earbuds]);
        (await Ids("hs=3304")).ShouldBe([cream]);
        (await Ids("hs=610910")).ShouldBe([shirts]);
        (await Ids("origin=cn")).ShouldBe([shirts]);
        (await Ids("minPrice=4000&maxPrice=12000&currency=KRW")).ShouldBe([earbuds, cream], ignoreOrder: true);
        (await Ids("maxPrice=100&currency=USD")).ShouldBeEmpty();
        (await Ids("maxMoq=10")).ShouldBe([earbuds, shirts], ignoreOrder: true);
        (await Ids("inStock=true")).ShouldBe([earbuds]);
        (await Ids("sort=price_asc")).ShouldBe([shirts, cream, earbuds]);
        (await Ids("sort=price_desc")).ShouldBe([earbuds, cream, shirts]);
        (await Ids("sort=moq_asc")).ShouldBe([shirts, earbuds, cream]);
        (await Ids("sort=newest")).ShouldBe([shirts, cream, earbuds]);
    }

    [Fact]
    public async Task Search_InStockByPrice_PagesThroughTheProductsWithStockOnly_InPriceOrder()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var stocked = new List<(string Id, decimal Price)>();
        foreach (var (price, stock) in new[] { (7m, 0), (3m, 50), (6m, 50), (2m, 0), (5m, 50), (4m, 9), (1m, 50) })
        {
            var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: word, moq: 10, stock: stock, tiers: [new PriceTierDto(10, price)]));
            if (stock >= 10)
            {
                stocked.Add((id, price));
            }
        }

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync($"q={word}&inStock=true&sort=price_desc&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            walked.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && walked.Count < 10);

        walked.ShouldBe(stocked.OrderByDescending(p => p.Price).Select(p => p.Id));
    }

    [Theory]
    [InlineData("price_asc")]
    [InlineData("price_desc")]
    [InlineData("moq_asc")]
    [InlineData("newest")]
    public async Task Search_KeysetPages_WalkEveryProductOnce(string sort)
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var created = new List<string>();
        foreach (var (price, moq) in new[] { (900m, 3), (500m, 1), (900m, 2), (700m, 3), (500m, 2), (900m, 1), (100m, 5) })
        {
            created.Add(await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: word, moq: moq, tiers: [new PriceTierDto(1, price)])));
        }

        var all = (await SearchAsync($"q={word}&sort={sort}&limit=50")).Items.Select(p => p.Id).ToList();
        var walked = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync($"q={word}&sort={sort}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            walked.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        all.ShouldBe(created, ignoreOrder: true);
        walked.ShouldBe(all);
        pages.ShouldBe(3);
    }

    [Theory]
    [InlineData("hs=9999", "hs")]
    [InlineData("hs=99", "hs")]
    [InlineData("origin=XX", "origin")]
    [InlineData("minPrice=10", "currency")]
    [InlineData("minPrice=10&maxPrice=5&currency=KRW", "minPrice")]
    [InlineData("maxMoq=0", "maxMoq")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("limit=1000", "limit")]
    [InlineData("cursor=garbage!", "cursor")]
    [InlineData("q=%00a", "q")]
    [InlineData("q=a%00", "q")]
    [InlineData("q=%1Bearphones", "q")]
    [InlineData("lang=k%00o", "lang")]
    [InlineData("lang=ko%0A", "lang")]
    public async Task Search_BadParameter_Returns400NamingIt(string query, string field)
    {
        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());
        var response = await buyer.GetAsync($"/api/catalog/products?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
    }

    [Fact]
    public async Task Search_CursorOfAnotherSort_Returns400()
    {
        var cursor = new SearchCursor("price_asc", 1m, 1).Encode();
        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());
        (await buyer.GetAsync($"/api/catalog/products?sort=newest&cursor={cursor}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(3_000_000_000)]
    [InlineData(-1)]
    [InlineData(2.5)]
    public async Task Search_MoqCursorWithAKeyNoMoqHas_Returns400(decimal key)
    {
        var cursor = new SearchCursor("moq_asc", key, 1).Encode();
        using var buyer = fixture.ClientFor(CatalogFixture.NewCompany());

        var response = await buyer.GetAsync($"/api/catalog/products?sort=moq_asc&cursor={cursor}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["cursor"]);
    }

    [Fact]
    public async Task Search_WordsSeparatedByTabOrLineBreak_StillMatch()
    {
        var word = NewWord();
        using var supplier = await fixture.SupplierAsync();
        var id = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(title: $"{word} earphones"));

        (await SearchAsync($"q={word}%09earphones")).Items.Select(i => i.Id).ShouldBe([id]);
        (await SearchAsync($"q={word}%0Aearphones")).Items.Select(i => i.Id).ShouldBe([id]);
    }

    [Fact]
    public async Task Search_WithoutToken_Returns401()
    {
        using var anonymous = fixture.Factory.CreateClient();
        (await anonymous.GetAsync("/api/catalog/products")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
