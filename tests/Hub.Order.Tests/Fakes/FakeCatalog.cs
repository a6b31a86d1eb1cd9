using System.Collections.Concurrent;
using Grpc.Core;
using Hub.Catalog.V1;

namespace Hub.Order.Tests.Fakes;

/// <summary>A catalog of products the tests list, with reservations that really hold stock.</summary>
internal sealed class FakeCatalog : Hub.Catalog.V1.Catalog.CatalogBase
{
    private const long MaxLineTotalMinor = 1_000_000_000_000_000;
    private static int _numbers = 500;
    private readonly ConcurrentDictionary<string, FakeProduct> _products = new();
    private readonly object _gate = new();

    public ConcurrentDictionary<string, ReservationReply> Reservations { get; } = new();

    public ConcurrentQueue<string> Committed { get; } = new();

    /// <summary>While true, releases answer UNAVAILABLE, as a catalog whose hub cannot be reached.</summary>
    public bool ReleaseUnavailable { get; set; }

    /// <summary>What happens, once, when an order's reservation is next asked to be released, before it is.</summary>
    public ConcurrentDictionary<string, Func<Task>> BeforeRelease { get; } = new();

    /// <summary>Lists a product of a supplier (new ids each time), returning its id.</summary>
    public string List(string supplierId, long unitPriceMinor, int available, string currency = "KRW", int moq = 1, bool refuseReservation = false)
    {
        var id = $"KR-P-{Interlocked.Increment(ref _numbers):000000}";
        _products[id] = new FakeProduct(supplierId, unitPriceMinor, currency, moq) { Available = available, RefuseReservation = refuseReservation };
        return id;
    }

    public static string NewSupplier() => $"KR-S-{Interlocked.Increment(ref _numbers):000000}";

    /// <summary>The company behind a supplier id the fake made: the same hub and number.</summary>
    public static string CompanyOf(string supplierId) => supplierId.Replace("-S-", "-C-", StringComparison.Ordinal);

    /// <summary>The name a supplier registered under.</summary>
    public static string NameOf(string supplierId) => $"Trading company {supplierId}";

    public int Available(string productId) => _products[productId].Available;

    /// <summary>The supplier changes a product's price.</summary>
    public void Reprice(string productId, long unitPriceMinor) => _products[productId] = _products[productId] with { UnitPriceMinor = unitPriceMinor };

    public override Task<GetProductsReply> GetProducts(GetProductsRequest request, ServerCallContext context)
    {
        var reply = new GetProductsReply();
        foreach (var (item, index) in request.Items.Select((item, index) => (item, index)))
        {
            if (!_products.TryGetValue(item.ProductId, out var p))
            {
                reply.Products.Add(new ProductQuote { ProductId = item.ProductId, Found = false });
                continue;
            }

            // As the catalog does: a line that would cost more than 10^15 minor units is not priced.
            if ((decimal)p.UnitPriceMinor * item.Quantity > MaxLineTotalMinor)
            {
                throw new RpcException(
                    new Status(StatusCode.OutOfRange, $"items[{index}].quantity: too large a line."),
                    new Metadata { { "item", index.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            }

            reply.Products.Add(new ProductQuote
            {
                ProductId = item.ProductId,
                Found = true,
                Status = "listed",
                SupplierId = p.SupplierId,
                SupplierCompany = CompanyOf(p.SupplierId),
                SupplierName = NameOf(p.SupplierId),
                Title = "Goods " + item.ProductId,
                HsCode = "330499",
                Origin = "KR",
                Moq = p.Moq,
                MeetsMoq = item.Quantity >= p.Moq,
                Quantity = item.Quantity,
                Currency = p.Currency,
                UnitPriceMinor = p.UnitPriceMinor,
                LineTotalMinor = p.UnitPriceMinor * item.Quantity,
                PriceVersion = 1,
                Available = p.Available,
                UnitNetWeightKg = 0.2,
                UnitGrossWeightKg = 0.25,
                UnitsPerCarton = 10,
                CartonLengthCm = 40,
                CartonWidthCm = 30,
                CartonHeightCm = 20,
                CartonGrossWeightKg = 3,
            });
        }

        return Task.FromResult(reply);
    }

    public override Task<ReservationReply> ReserveStock(ReserveStockRequest request, ServerCallContext context)
    {
        lock (_gate)
        {
            if (Reservations.TryGetValue(request.OrderId, out var earlier))
            {
                return Task.FromResult(earlier);
            }

            var products = request.Lines.Select(l => (Line: l, Product: _products.GetValueOrDefault(l.ProductId))).ToList();
            var refused = products.FirstOrDefault(x => x.Product is null || x.Product.RefuseReservation || x.Product.Available < x.Line.Quantity);
            var reply = new ReservationReply { OrderId = request.OrderId };
            reply.Lines.AddRange(request.Lines);
            if (refused.Line is not null)
            {
                reply.Status = "rejected";
                reply.RejectionReason = $"{refused.Line.ProductId} is short";
            }
            else
            {
                foreach (var (line, product) in products)
                {
                    product!.Available -= line.Quantity;
                }

                reply.Status = "reserved";
                reply.Reserved = true;
            }

            Reservations[request.OrderId] = reply;
            return Task.FromResult(reply);
        }
    }

    public override async Task<ReservationReply> ReleaseStock(OrderStockRequest request, ServerCallContext context)
    {
        if (BeforeRelease.TryRemove(request.OrderId, out var before))
        {
            await before();
        }

        if (ReleaseUnavailable)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The catalog cannot be reached."));
        }

        lock (_gate)
        {
            if (!Reservations.TryGetValue(request.OrderId, out var reservation))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Order {request.OrderId} has no stock reservation."));
            }

            if (reservation.Status == "committed")
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The reservation of order {request.OrderId} is committed; it cannot become released."));
            }

            if (reservation.Status == "reserved")
            {
                foreach (var line in reservation.Lines)
                {
                    _products[line.ProductId].Available += line.Quantity;
                }

                reservation = reservation.Clone();
                reservation.Status = "released";
                reservation.Reserved = false;
                Reservations[request.OrderId] = reservation;
            }

            return reservation;
        }
    }

    public override Task<ReservationReply> CommitStock(OrderStockRequest request, ServerCallContext context)
    {
        lock (_gate)
        {
            var reservation = Reservations[request.OrderId].Clone();
            reservation.Status = "committed";
            Reservations[request.OrderId] = reservation;
            Committed.Enqueue(request.OrderId);
            return Task.FromResult(reservation);
        }
    }

    public override Task<ReservationReply> ReturnStock(OrderStockRequest request, ServerCallContext context)
    {
        lock (_gate)
        {
            var reservation = Reservations[request.OrderId];
            if (reservation.Status != "committed")
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The reservation of order {request.OrderId} is {reservation.Status}; it cannot become returned."));
            }

            foreach (var line in reservation.Lines)
            {
                _products[line.ProductId].Available += line.Quantity;
            }

            reservation = reservation.Clone();
            reservation.Status = "returned";
            Reservations[request.OrderId] = reservation;
            return Task.FromResult(reservation);
        }
    }

    private sealed record FakeProduct(string SupplierId, long UnitPriceMinor, string Currency, int Moq)
    {
        public int Available { get; set; }

        public bool RefuseReservation { get; init; }
    }
}
