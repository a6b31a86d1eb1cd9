using Hub.Customs.V1;

namespace Hub.Customs.Tests;

/// <summary>Wire requests for the tests, valid unless a test breaks them on purpose.</summary>
internal static class Requests
{
    private static int _next;

    public static string NewOrderId(string hub = "CN") => $"{hub}-O-{Interlocked.Increment(ref _next) + (Environment.ProcessId % 1000 * 1000):D6}";

    public static GoodsLine Line(string hs = "851671", string origin = "CN", long valueMinor = 100_000, string quantity = "10") => new()
    {
        Description = "Electric coffee makers",
        HsCode = hs,
        Origin = origin,
        Quantity = quantity,
        Unit = "NAR",
        ValueMinor = valueMinor,
        NetMassKg = "12.5",
        GrossMassKg = "14",
    };

    public static DeclareRequest Declaration(DeclarationType type, string? orderId = null, string exporter = "Seoul Green Appliances Co., Ltd.", string? transportDocument = "MAEU-123456") => new()
    {
        Type = type,
        Lrn = $"LRN-{Guid.NewGuid():N}",
        OrderId = orderId ?? NewOrderId(),
        Exporter = new Party { Name = exporter, Address = "1 Teheran-ro, Seoul", Country = "KR", TraderId = "KR-C-000001" },
        Importer = new Party { Name = "Hangzhou Bright Home Trading", Address = "8 Wensan Rd, Hangzhou", Country = "CN", TraderId = "CN-C-000009" },
        Incoterm = "FOB",
        IncotermPlace = "Busan",
        InvoiceNumber = "INV-2026-001",
        InvoiceCurrency = "USD",
        FreightMinor = 8_000,
        InsuranceMinor = 500,
        Lines = { Line() },
        Transport = new Transport { Mode = "sea", Conveyance = "MAERSK SEOUL 012E", ContainerIds = { "MSKU1234565" }, TransportDocument = transportDocument ?? "", LoadingPlace = "KRPUS", UnloadingPlace = "CNSHA" },
    };

    /// <summary>A cross-border e-commerce retail import into CN (CIF, in CNY) for <paramref name="buyer"/>.</summary>
    public static DeclareRequest CbecImport(string buyer, long valueMinor = 400_000)
    {
        var request = Declaration(DeclarationType.Import, orderId: NewOrderId("CN"));
        request.InvoiceCurrency = "CNY";
        request.Incoterm = "CIF";
        request.FreightMinor = 0;
        request.InsuranceMinor = 0;
        request.Channel = Channel.Ecommerce;
        request.BuyerId = buyer;
        request.Lines[0].Origin = "KR";
        request.Lines[0].ValueMinor = valueMinor;
        return request;
    }

    /// <summary>A low-value e-commerce import into KR (FOB, in USD) for <paramref name="buyer"/>.</summary>
    public static DeclareRequest KoreanSmallImport(string buyer, long usdMinor) =>
        Declaration(DeclarationType.Import, orderId: NewOrderId("KR")).Also(r =>
        {
            r.Channel = Channel.Ecommerce;
            r.BuyerId = buyer;
            r.Lines[0].ValueMinor = usdMinor;
        });
}
