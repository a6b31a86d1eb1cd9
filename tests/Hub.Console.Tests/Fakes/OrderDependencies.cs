extern alias order;

using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CatalogGrpc = order::Hub.Catalog.V1;
using CustomsGrpc = order::Hub.Customs.V1;
using LogisticsGrpc = order::Hub.Logistics.V1;
using PaymentGrpc = order::Hub.Payment.V1;

namespace Hub.Console.Tests.Fakes;

/// <summary>
/// What the real order service calls over gRPC to place an order — catalog, payment, customs, logistics — on one real
/// h2c port: products the tests list, payment at a rate of one, 8 % duties, 5,000 KRW freight a carton.
/// </summary>
internal sealed class OrderDependencies : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OrderDependencies(WebApplication app) => _app = app;

    public string Address => _app.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);

    public FakeCatalog Catalog => _app.Services.GetRequiredService<FakeCatalog>();

    public static async Task<OrderDependencies> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<FakeCatalog>();
        var app = builder.Build();
        app.MapGrpcService<FakeCatalog>();
        app.MapGrpcService<FakePayment>();
        app.MapGrpcService<FakeCustoms>();
        app.MapGrpcService<FakeLogistics>();
        await app.StartAsync();
        return new OrderDependencies(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal sealed class FakeCatalog : CatalogGrpc.Catalog.CatalogBase
    {
        private static int _numbers = 700;
        private readonly ConcurrentDictionary<string, (string Supplier, long UnitPriceMinor)> _products = new();

        /// <summary>Lists a product (ample stock) of a new supplier, returning its id.</summary>
        public string List(long unitPriceMinor)
        {
            var id = $"KR-P-{Interlocked.Increment(ref _numbers):000000}";
            _products[id] = ($"KR-S-{Interlocked.Increment(ref _numbers):000000}", unitPriceMinor);
            return id;
        }

        public override Task<CatalogGrpc.GetProductsReply> GetProducts(CatalogGrpc.GetProductsRequest request, ServerCallContext context)
        {
            var reply = new CatalogGrpc.GetProductsReply();
            foreach (var item in request.Items)
            {
                reply.Products.Add(_products.TryGetValue(item.ProductId, out var p)
                    ? new CatalogGrpc.ProductQuote
                    {
                        ProductId = item.ProductId, Found = true, Status = "listed", SupplierId = p.Supplier, SupplierCompany = p.Supplier.Replace("-S-", "-C-", StringComparison.Ordinal), Title = "Goods " + item.ProductId, HsCode = "330499",
                        Origin = "KR", Moq = 1, MeetsMoq = true, Quantity = item.Quantity, Currency = "KRW", UnitPriceMinor = p.UnitPriceMinor,
                        LineTotalMinor = p.UnitPriceMinor * item.Quantity, PriceVersion = 1, Available = 1_000_000, UnitNetWeightKg = 0.2, UnitGrossWeightKg = 0.25,
                        UnitsPerCarton = 10, CartonLengthCm = 40, CartonWidthCm = 30, CartonHeightCm = 20, CartonGrossWeightKg = 3,
                    }
                    : new CatalogGrpc.ProductQuote { ProductId = item.ProductId, Found = false });
            }

            return Task.FromResult(reply);
        }

        public override Task<CatalogGrpc.ReservationReply> ReserveStock(CatalogGrpc.ReserveStockRequest request, ServerCallContext context) =>
            Task.FromResult(Reply(request.OrderId, request.Lines, "reserved", reserved: true));

        public override Task<CatalogGrpc.ReservationReply> ReleaseStock(CatalogGrpc.OrderStockRequest request, ServerCallContext context) =>
            Task.FromResult(Reply(request.OrderId, [], "released", reserved: false));

        public override Task<CatalogGrpc.ReservationReply> CommitStock(CatalogGrpc.OrderStockRequest request, ServerCallContext context) =>
            Task.FromResult(Reply(request.OrderId, [], "committed", reserved: true));

        private static CatalogGrpc.ReservationReply Reply(string orderId, IEnumerable<CatalogGrpc.ReservationLine> lines, string status, bool reserved)
        {
            var reply = new CatalogGrpc.ReservationReply { OrderId = orderId, Status = status, Reserved = reserved };
            reply.Lines.AddRange(lines);
            return reply;
        }
    }

    private sealed class FakePayment : PaymentGrpc.Payment.PaymentBase
    {
        public override Task<PaymentGrpc.FxQuote> QuoteFx(PaymentGrpc.QuoteFxRequest request, ServerCallContext context) => Task.FromResult(new PaymentGrpc.FxQuote
        {
            QuoteId = Guid.NewGuid().ToString(), BuyerCompany = request.BuyerCompany,
            Pay = new PaymentGrpc.Money { MinorUnits = request.Settlement.MinorUnits, Currency = request.PayCurrency }, Settlement = request.Settlement,
            Rate = "1", MarketRate = "1", ExpiresAt = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(15)),
        });

        public override Task<PaymentGrpc.SecureFundsReply> SecureFunds(PaymentGrpc.SecureFundsRequest request, ServerCallContext context) =>
            Task.FromResult(new PaymentGrpc.SecureFundsReply { OrderId = request.OrderId, PostingId = Guid.NewGuid().ToString(), Amount = request.Amount });
    }

    private sealed class FakeCustoms : CustomsGrpc.Customs.CustomsBase
    {
        public override Task<CustomsGrpc.LandedCostReply> PreviewLandedCost(CustomsGrpc.PreviewLandedCostRequest request, ServerCallContext context)
        {
            var total = request.Lines.Sum(l => l.ValueMinor) * 8 / 100;
            return Task.FromResult(new CustomsGrpc.LandedCostReply { Currency = "KRW", Total = new CustomsGrpc.Amount { MinorUnits = total, Currency = "KRW" } });
        }

        public override Task<CustomsGrpc.DeclarationReply> Declare(CustomsGrpc.DeclareRequest request, ServerCallContext context) => Task.FromResult(new CustomsGrpc.DeclarationReply
        {
            DeclarationId = $"{request.OrderId}-{request.Type}", Type = request.Type, Status = CustomsGrpc.DeclarationStatus.Submitted, Lrn = request.Lrn,
            OrderId = request.OrderId,
        });
    }

    private sealed class FakeLogistics : LogisticsGrpc.Logistics.LogisticsBase
    {
        public override Task<LogisticsGrpc.EstimateFreightReply> EstimateFreight(LogisticsGrpc.EstimateFreightRequest request, ServerCallContext context) =>
            Task.FromResult(new LogisticsGrpc.EstimateFreightReply
            {
                LaneCode = $"{request.Lane.Origin}-{request.Lane.Destination}-{request.Lane.Mode}",
                PriceMinorUnits = 5000 * request.Cartons.Sum(c => Math.Max(1, c.Quantity)),
                Currency = "KRW",
            });

        public override Task<LogisticsGrpc.BookConsignmentReply> BookConsignment(LogisticsGrpc.BookConsignmentRequest request, ServerCallContext context) =>
            Task.FromResult(new LogisticsGrpc.BookConsignmentReply { ConsignmentId = "CS-" + request.OrderId, Status = "Pooled" });
    }
}
