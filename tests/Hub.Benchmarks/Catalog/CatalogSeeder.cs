using System.Diagnostics;
using System.Reflection;
using Hub.Catalog.Data;
using Npgsql;

namespace Hub.Benchmarks.Catalog;

/// <summary>
/// Fills a migrated catalog database with a large multilingual catalog in a few set-based statements: suppliers in
/// KR, CN and MY; products whose Korean, Chinese or Malay title plus an English one come from a small vocabulary of
/// real goods with real HS codes; tiered prices in the supplier's currency; stock. The CJK index terms the service
/// computes in C# come from its own helper, once per title template.
/// </summary>
internal static class CatalogSeeder
{
    public const int Suppliers = 300;

    /// <summary>A kind of goods: its HS subheading, a base price in US dollars, and its name per language.</summary>
    internal sealed record Category(string HsCode, decimal BaseUsd, string Ko, string Zh, string Ms, string En, string DescKo, string DescZh, string DescMs, string DescEn);

    public static readonly Category[] Categories =
    [
        new("851830", 25m, "무선 이어폰", "蓝牙耳机", "fon telinga tanpa wayar", "wireless earphones", "블루투스 5.3 노이즈 캔슬링", "蓝牙5.3降噪长续航", "Bluetooth 5.3 pembatalan hingar", "Bluetooth 5.3 noise cancelling"),
        new("330499", 12m, "수분 크림", "保湿面霜", "krim pelembap", "moisturizing cream", "민감성 피부용 저자극", "适合敏感肌肤温和配方", "untuk kulit sensitif", "gentle formula for sensitive skin"),
        new("330510", 6m, "샴푸", "洗发水", "syampu", "shampoo", "천연 허브 두피 케어", "天然草本头皮护理", "herba semula jadi penjagaan kulit kepala", "natural herbal scalp care"),
        new("610910", 4m, "면 티셔츠", "纯棉T恤", "baju-T kapas", "cotton T-shirt", "기본 라운드넥 여러 색상", "圆领多色可选", "leher bulat pelbagai warna", "crew neck in many colours"),
        new("846721", 45m, "전동 드릴", "电钻", "gerudi elektrik", "electric drill", "충전식 리튬 배터리", "充电式锂电池", "bateri litium boleh dicas semula", "rechargeable lithium battery"),
        new("151190", 2m, "팜유", "棕榈油", "minyak sawit", "palm oil", "정제 식용유 대용량", "精炼食用油大桶装", "minyak masak ditapis", "refined cooking oil"),
        new("401519", 1m, "고무 장갑", "橡胶手套", "sarung tangan getah", "rubber gloves", "일회용 니트릴 100매", "一次性丁腈手套100只", "nitril pakai buang 100 helai", "disposable nitrile, box of 100"),
        new("851713", 180m, "스마트폰", "智能手机", "telefon pintar", "smartphone", "5G 듀얼 심 128GB", "5G双卡128GB", "5G dwi SIM 128GB", "5G dual SIM 128GB"),
        new("851660", 35m, "전기 밥솥", "电饭煲", "periuk nasi elektrik", "rice cooker", "압력 보온 10인용", "智能预约保温", "tekanan dan simpan panas", "pressure cooking, keep warm"),
        new("090210", 8m, "녹차", "绿茶", "teh hijau", "green tea", "제주 유기농 잎차", "西湖龙井春茶", "daun teh organik", "organic loose leaf"),
        new("121120", 30m, "홍삼", "红参", "ginseng merah", "red ginseng", "6년근 농축액", "六年根浓缩液", "ekstrak akar enam tahun", "six-year root extract"),
        new("820412", 3m, "스패너", "扳手", "sepana", "wrench", "크롬 바나듐 강철", "铬钒钢", "keluli kromium vanadium", "chrome vanadium steel"),
        new("200599", 5m, "김치", "泡菜", "kimchi", "kimchi", "전통 발효 배추김치", "传统发酵白菜", "kobis ditapai tradisional", "traditionally fermented cabbage"),
    ];

    public static readonly string[] Brands = ["Hanbit", "Longma", "Seri", "Mirae", "Jinhua"];

    private static readonly (string Ko, string Zh, string Ms, string En)[] Adjectives =
    [
        ("", "", "", ""),
        ("프리미엄", "高级", "premium", "premium"),
        ("휴대용", "便携式", "mudah alih", "portable"),
        ("대용량", "大容量", "saiz besar", "large"),
    ];

    public static async Task SeedAsync(string connectionString, int products)
    {
        var watch = Stopwatch.StartNew();
        var searchKeys = SearchKeysHelper();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await Execute(connection, """
            CREATE TEMP TABLE bench_categories (category int PRIMARY KEY, hs_code text NOT NULL, base_usd numeric NOT NULL);
            CREATE TEMP TABLE bench_templates (category int, brand int, adjective int, language text, title text, description text, search_keys text,
                PRIMARY KEY (category, brand, adjective, language));
            """);
        await using (var importer = await connection.BeginBinaryImportAsync("COPY bench_categories (category, hs_code, base_usd) FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < Categories.Length; c++)
            {
                await importer.WriteRowAsync(default, c, Categories[c].HsCode, Categories[c].BaseUsd);
            }

            await importer.CompleteAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY bench_templates (category, brand, adjective, language, title, description, search_keys) FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < Categories.Length; c++)
            {
                var category = Categories[c];
                for (var b = 0; b < Brands.Length; b++)
                {
                    for (var a = 0; a < Adjectives.Length; a++)
                    {
                        var adjective = Adjectives[a];
                        foreach (var (language, adj, noun, description) in new[]
                        {
                            ("ko", adjective.Ko, category.Ko, category.DescKo),
                            ("zh", adjective.Zh, category.Zh, category.DescZh),
                            ("ms", adjective.Ms, category.Ms, category.DescMs),
                            ("en", adjective.En, category.En, category.DescEn),
                        })
                        {
                            // Malay puts the adjective after the noun; Chinese writes the title without spaces.
                            var title = language switch
                            {
                                "ms" => $"{Brands[b]} {noun} {adj}".TrimEnd(),
                                "zh" => $"{Brands[b]} {adj}{noun}",
                                _ => $"{Brands[b]} {adj} {noun}".Replace("  ", " ", StringComparison.Ordinal),
                            };

                            // The seeded description adds an ASCII model number, which adds no CJK index terms.
                            await importer.WriteRowAsync(default, c, b, a, language, title, description, searchKeys(title + " " + description));
                        }
                    }
                }
            }

            await importer.CompleteAsync();
        }

        await Execute(connection, SeedSql, new NpgsqlParameter("products", products), new NpgsqlParameter("suppliers", Suppliers));

        // A catalog in service has been vacuumed: the bulk insert leaves the full-text and trigram GIN indexes with
        // long pending lists that every search would scan, and the planner without statistics.
        await Execute(connection, "VACUUM (ANALYZE)");
        Console.WriteLine($"Seeded {products} products of {Suppliers} suppliers in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The service's own <c>SearchKeys.For</c> (internal to Hub.Catalog), so the seeded index terms are the ones it would compute.</summary>
    private static Func<string, string> SearchKeysHelper()
    {
        var method = typeof(CatalogDbContext).Assembly.GetType("Hub.Catalog.Domain.Products.SearchKeys", throwOnError: true)!
            .GetMethod("For", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
            ?? throw new InvalidOperationException("Hub.Catalog's SearchKeys.For(string) is gone; update the catalog benchmark's seeder.");
        return method.CreateDelegate<Func<string, string>>();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
    }

    // One row per product decides everything at random (seeded, so every run has the same catalog); the rest are
    // joins. Ids follow the service's format (KR-P-000001) and the sequences continue after the seeded numbers.
    private const string SeedSql = """
        SELECT setseed(0.42);

        INSERT INTO suppliers (id, number, company_id, home_hub, name, trader_id, country, currency, registered_at, updated_at)
        SELECT 'KR-S-' || lpad(s::text, 6, '0'), s, 'KR-C-' || lpad((100000 + s)::text, 6, '0'), 'KR',
               (ARRAY['Hanbit', 'Longma', 'Seri', 'Mirae', 'Jinhua'])[1 + s % 5] || ' Trading ' || s,
               '123-45-' || lpad(s::text, 5, '0'),
               (ARRAY['KR', 'CN', 'MY'])[1 + s % 3], (ARRAY['KRW', 'CNY', 'MYR'])[1 + s % 3],
               now() - interval '400 days', now() - interval '400 days'
        FROM generate_series(1, @suppliers) AS s;

        CREATE TEMP TABLE bench_plan AS
        SELECT p.i, p.s, p.country, p.currency, p.category, p.brand, p.adjective, p.moq, p.status, p.created,
               CASE WHEN random() < 0.1 THEN (ARRAY['KR', 'CN', 'MY', 'VN', 'JP', 'TH'])[1 + floor(random() * 6)::int] ELSE p.country END AS origin,
               round(c.base_usd * (CASE p.currency WHEN 'KRW' THEN 1350 WHEN 'CNY' THEN 7.2 ELSE 4.7 END) * (0.5 + random() * 1.5)::numeric,
                     CASE p.currency WHEN 'KRW' THEN -1 ELSE 2 END) AS price,
               CASE WHEN random() < 0.1 THEN 0 ELSE p.moq + floor(random() * 50000)::int END AS on_hand
        FROM (
            SELECT i, s, (ARRAY['KR', 'CN', 'MY'])[1 + s % 3] AS country, (ARRAY['KRW', 'CNY', 'MYR'])[1 + s % 3] AS currency,
                   floor(random() * 13)::int AS category, floor(random() * 5)::int AS brand, floor(random() * 4)::int AS adjective,
                   (ARRAY[1, 5, 10, 20, 50, 100, 200, 500, 1000])[1 + floor(random() * 9)::int] AS moq,
                   CASE WHEN random() < 0.97 THEN 'Listed' WHEN random() < 0.67 THEN 'Draft' ELSE 'Delisted' END AS status,
                   now() - (random() * interval '365 days') AS created
            FROM (SELECT i, 1 + floor(random() * @suppliers)::int AS s FROM generate_series(1, @products) AS i) AS n
        ) AS p
        JOIN bench_categories c ON c.category = p.category;

        INSERT INTO products (id, number, hub, supplier_id, company_id, status, hs_code, hs_edition, origin, moq, lead_time_days, currency,
                              price_version, list_unit_price, created_at, updated_at, listed_at,
                              packaging_carton_gross_weight_kg, packaging_carton_height_cm, packaging_carton_length_cm, packaging_carton_width_cm,
                              packaging_units_per_carton, unit_gross_weight_kg, unit_height_cm, unit_length_cm, unit_net_weight_kg, unit_width_cm)
        SELECT 'KR-P-' || lpad(b.i::text, 6, '0'), b.i, 'KR', 'KR-S-' || lpad(b.s::text, 6, '0'), 'KR-C-' || lpad((100000 + b.s)::text, 6, '0'),
               b.status, c.hs_code, 'HS2022', b.origin, b.moq, 3 + b.i % 40, b.currency, 1, b.price, b.created, b.created,
               CASE WHEN b.status = 'Listed' THEN b.created END,
               12.5, 30, 45, 35, 50, 0.25, 4, 10, 0.2, 8
        FROM bench_plan b JOIN bench_categories c ON c.category = b.category
        ORDER BY b.i;

        INSERT INTO product_texts (language, title, description, search_keys, product_id)
        SELECT t.language, t.title, t.description || ' SKU' || b.i, t.search_keys, 'KR-P-' || lpad(b.i::text, 6, '0')
        FROM bench_plan b
        JOIN bench_templates t ON t.category = b.category AND t.brand = b.brand AND t.adjective = b.adjective
             AND t.language IN (CASE b.country WHEN 'KR' THEN 'ko' WHEN 'CN' THEN 'zh' ELSE 'ms' END, 'en')
        ORDER BY b.i, t.language <> 'en';

        INSERT INTO price_versions (product_id, version, currency, effective_from)
        SELECT 'KR-P-' || lpad(i::text, 6, '0'), 1, currency, created FROM bench_plan;

        INSERT INTO price_tiers (product_id, version, min_quantity, unit_price)
        SELECT 'KR-P-' || lpad(b.i::text, 6, '0'), 1, b.moq * f.times,
               round(b.price * f.discount, CASE b.currency WHEN 'KRW' THEN -1 ELSE 2 END)
        FROM bench_plan b CROSS JOIN (VALUES (1, 1.0), (10, 0.9), (50, 0.8)) AS f(times, discount);

        INSERT INTO product_stock (product_id, on_hand, reserved, low_stock_threshold, updated_at)
        SELECT 'KR-P-' || lpad(i::text, 6, '0'), on_hand, 0, 10, created FROM bench_plan;

        SELECT setval('product_numbers', @products);
        SELECT setval('supplier_numbers', @suppliers);
        """;
}
