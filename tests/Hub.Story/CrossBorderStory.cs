using System.Text.Json.Nodes;
using Hub.Contracts.Values;

namespace Hub.Story;

/// <summary>
/// The cross-border story through the gateways' public APIs only: a supplier lists goods at its hub, a buyer at another
/// hub finds them through federated search, orders them, and the people of both hubs do their part until the order is
/// complete and the supplier's export VAT is refunded. Every step is narrated.
/// </summary>
public sealed partial class CrossBorderStory(GatewayClient buyerHub, GatewayClient supplierHub, StoryCast cast, Action<string> narrate)
{
    private OrderWatcher? _watcher;

    /// <summary>How long one step of the order may take to show on its timeline.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Units ordered (the story's product has an MOQ of 10).</summary>
    public int Quantity { get; init; } = 20;

    /// <summary>Plays the whole story: list, fund, find, quote, place, ship, clear, deliver, confirm, complete, refund VAT.</summary>
    public async Task<StoryOutcome> PlayAsync(CancellationToken cancellationToken)
    {
        var product = await ListProductAsync(stock: 100, cancellationToken);
        await FundBuyerAsync(5_000_000, cancellationToken);
        await RegisterBuyerAsync(cancellationToken);
        await FindAsync(product, cancellationToken);
        var checkout = await CheckoutAsync(Cart(product, Quantity), cancellationToken);
        var placed = await PlaceAsync(Cart(product, Quantity, checkout), $"story-{Guid.NewGuid():N}", cancellationToken);
        var order = await FollowToCompletionAsync(placed.OrderId, product, cancellationToken);
        await SupplierViewAsync(placed.OrderId, cancellationToken);
        var claim = await RefundExportVatAsync(placed.OrderId, cancellationToken);
        narrate($"The story is complete: order {placed.OrderId} Completed, tax refund claim {claim} paid.");
        return new StoryOutcome(product, Quantity, placed.PurchaseId, placed.OrderId, order["consignmentId"]?.GetValue<string>(), claim);
    }

    /// <summary>From placement on: payment, export, shipping, import, delivery, receipt, release.</summary>
    public async Task<JsonNode> FollowToCompletionAsync(string orderId, ListedProduct product, CancellationToken cancellationToken)
    {
        var watcher = await FollowToDeliveryAsync(orderId, product, cancellationToken);
        await ConfirmReceiptAsync(orderId, cancellationToken);
        var completed = await watcher.WaitForStatusAsync(orderId, StepTimeout, cancellationToken, "Completed");
        var op = await buyerHub.SignInAsync(cast.BuyerOperator, cancellationToken);
        var screening = (await buyerHub.GetAsync(op, $"/api/payment/escrows/{orderId}", cancellationToken))["payeeScreening"];
        narrate($"Order {orderId} is Completed: escrow released to the supplier once {buyerHub.Hub} had screened the payee '{screening?["payee"]}' against "
            + $"its denied-party list (version {screening?["listVersion"]}, best score {screening?["score"]}: clear; {op.User} reads it on the escrow).");
        return completed;
    }

    /// <summary>The supplier follows the order from its own hub, which reads it from the buyer's hub that owns it.</summary>
    public async Task<JsonNode> SupplierViewAsync(string orderId, CancellationToken cancellationToken)
    {
        var supplier = await supplierHub.SignInAsync(cast.Supplier, cancellationToken);
        var order = await supplierHub.GetAsync(supplier, $"/api/order/orders/{orderId}", cancellationToken);
        narrate($"{supplier.User} follows order {orderId} from {supplierHub.Hub}, read from {buyerHub.Hub}: {order["status"]}, {order["timeline"]?.AsArray().Count ?? 0} steps on its timeline.");
        return order;
    }

    /// <summary>From placement to delivery: payment, export, shipping, import, delivery to the buyer.</summary>
    public async Task<OrderWatcher> FollowToDeliveryAsync(string orderId, ListedProduct product, CancellationToken cancellationToken)
    {
        var watcher = await WatcherAsync(cancellationToken);
        await WaitReleasingHoldsAsync(orderId, supplierHub, cast.SupplierOperator, "Export", "PaymentSecured", cancellationToken);
        narrate("Payment secured in escrow at the buyer's hub; export declaration lodged at the supplier's hub.");
        var booked = await WaitReleasingHoldsAsync(orderId, supplierHub, cast.SupplierOperator, "Export", "Booked", cancellationToken);
        await RegisterPurchaseInvoiceAsync(orderId, product, cancellationToken);
        var consignment = booked["consignmentId"]?.GetValue<string>() ?? throw new StoryException($"Order {orderId} is booked without a consignment id.");
        var shipments = await DepartAsync(consignment, cancellationToken);
        await WaitReleasingHoldsAsync(orderId, buyerHub, cast.BuyerOperator, "Import", "Departed", cancellationToken);
        await ArriveAsync(shipments, cancellationToken);
        await WaitReleasingHoldsAsync(orderId, buyerHub, cast.BuyerOperator, "Import", "ImportCleared", cancellationToken);
        await DeliverAsync(consignment, cancellationToken);
        await watcher.WaitForStatusAsync(orderId, StepTimeout, cancellationToken, "Delivered");
        return watcher;
    }

    /// <summary>The supplier registers (if it has not yet) and lists a product with stock.</summary>
    public async Task<ListedProduct> ListProductAsync(int stock, CancellationToken cancellationToken)
    {
        var supplier = await supplierHub.SignInAsync(cast.Supplier, cancellationToken);
        try
        {
            await supplierHub.PostAsync(supplier, "/api/catalog/suppliers",
                new { name = $"{supplier.Company} Trading", traderId = $"TR{supplier.Company!.Replace("-", string.Empty, StringComparison.Ordinal)}", country = supplierHub.Hub, currency = Currency(supplierHub.Hub) },
                cancellationToken);
            narrate($"{supplier.User} registered company {supplier.Company} as a supplier at {supplierHub.Hub}.");
        }
        catch (GatewayException ex) when (ex.Status == System.Net.HttpStatusCode.Conflict)
        {
            // Registered by an earlier story: a supplier registers once.
        }

        var word = Word();
        var title = $"Wireless earbuds {word}";
        const long unitPrice = 12_000;
        var created = await supplierHub.PostAsync(supplier, "/api/catalog/products", new
        {
            texts = new[] { new { language = "en", title, description = "Bluetooth 5.3, noise cancelling" } },
            hsCode = "851830",
            nationalLines = Array.Empty<object>(),
            origin = supplierHub.Hub,
            unit = new { netWeightKg = 0.2m, grossWeightKg = 0.25m, lengthCm = 10m, widthCm = 8m, heightCm = 4m },
            packaging = new { unitsPerCarton = 10, cartonLengthCm = 45m, cartonWidthCm = 35m, cartonHeightCm = 25m, cartonGrossWeightKg = 3.5m },
            moq = 10,
            leadTimeDays = 7,
            prices = new { currency = Currency(supplierHub.Hub), tiers = new[] { new { minQuantity = 10, unitPrice = (decimal)unitPrice } } },
            stockOnHand = stock,
            lowStockThreshold = 5,
        }, cancellationToken);
        var id = created["id"]!.GetValue<string>();
        await supplierHub.PostAsync(supplier, $"/api/catalog/products/{id}/list", null, cancellationToken);
        narrate($"{supplier.User} listed {id} \"{title}\" at {unitPrice:N0} {Currency(supplierHub.Hub)} a unit, {stock} in stock.");
        return new ListedProduct(id, title, supplier.Company!, "851830", unitPrice * Minor(supplierHub.Hub), Currency(supplierHub.Hub), stock);
    }

    /// <summary>The buyer hub's operator credits the buyer's wallet with test money.</summary>
    public async Task FundBuyerAsync(long minorUnits, CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        var op = await buyerHub.SignInAsync(cast.BuyerOperator, cancellationToken);
        var reply = await buyerHub.PostAsync(op, $"/api/payment/wallets/{buyer.Company}/credits",
            new { amount = new { minorUnits, currency = Currency(buyerHub.Hub) }, idempotencyKey = $"story-fund-{Guid.NewGuid():N}" }, cancellationToken);
        narrate($"{op.User} funded {buyer.Company}'s wallet with {Amount(minorUnits, Currency(buyerHub.Hub))}; balance {Amount(reply["balance"])}.");
    }

    /// <summary>The buyer registers the legal name and address its declarations name it by (the importer customs screens).</summary>
    public async Task RegisterBuyerAsync(CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        var profile = await buyerHub.SendAsync(HttpMethod.Put, "/api/order/buyers/me", buyer,
            new { legalName = $"{buyer.Company} Hangzhou Lakeside Trading Co., Ltd.", address = "18 Wensan Road, Hangzhou" }, null, cancellationToken);
        narrate($"{buyer.User} registered {buyer.Company}'s legal name for its declarations: {profile["legalName"]}.");
    }

    /// <summary>The buyer finds the product through its own hub's federated search.</summary>
    public async Task<JsonNode> FindAsync(ListedProduct product, CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        var word = product.Title.Split(' ')[^1];
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var result = await buyerHub.GetAsync(buyer, $"/api/federation/catalog/search?q={word}", cancellationToken);
            if (result["items"]?.AsArray().FirstOrDefault(i => i?["id"]?.GetValue<string>() == product.Id) is { } item)
            {
                var hubs = string.Join(", ", result["hubs"]!.AsArray().Select(h => $"{h!["hub"]} {h["status"]}"));
                narrate($"{buyer.User} searched \"{word}\" at {buyerHub.Hub} ({hubs}) and found {product.Id} at hub {item["hub"]}.");
                return item;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryException($"Federated search at {buyerHub.Hub} did not find {product.Id}: {result.ToJsonString()}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>
    /// A cart of one product under FOB at the supplier's port, by sea; placed with the checkout that priced it, it is
    /// bought at that checkout's figures.
    /// </summary>
    public static object Cart(ListedProduct product, int quantity, JsonNode? checkout = null) => new
    {
        incoterm = "FOB",
        namedPlace = "Busan port",
        mode = "SEA",
        lines = new[] { new { productId = product.Id, quantity, supplierCompany = product.SupplierCompany } },
        checkoutId = checkout?["checkoutId"]!.GetValue<string>(),
    };

    /// <summary>The buyer prices the cart: goods, FX quote, freight, duties preview.</summary>
    public async Task<JsonNode> CheckoutAsync(object cart, CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        var quote = await buyerHub.PostAsync(buyer, "/api/order/checkout", cart, cancellationToken);
        foreach (var s in quote["suppliers"]!.AsArray())
        {
            narrate($"Checkout at {buyerHub.Hub}: goods {Amount(s!["goodsTotalMinor"], s["currency"])} = {Amount(s["buyerTotalMinor"], quote["buyerCurrency"])} " +
                $"at rate {s["fxRate"]}, freight {Amount(s["freight"])} paid by the {s["freightPaidBy"]}, " +
                $"duties and taxes {Amount(s["dutiesAndTaxes"])} paid by the {s["dutiesPaidBy"]}.");
        }

        var besides = string.Join(" and ", quote["notInBuyerCurrency"]!.AsArray().Select(m => Amount(m)));
        narrate($"Grand total {Amount(quote["grandTotalMinor"], quote["buyerCurrency"])}{(besides.Length > 0 ? $", besides {besides}" : "")}; " +
            $"checkout {quote["checkoutId"]} can be placed at these figures until {quote["placeBy"]}.");
        return quote;
    }

    /// <summary>The buyer places the cart with an Idempotency-Key; answers the purchase and its (single) order.</summary>
    public async Task<(string PurchaseId, string OrderId, JsonNode Purchase)> PlaceAsync(object cart, string idempotencyKey, CancellationToken cancellationToken)
    {
        var buyer = await buyerHub.SignInAsync(cast.Buyer, cancellationToken);
        var purchase = await buyerHub.PostAsync(buyer, "/api/order/orders", cart, cancellationToken, new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });
        var orderId = purchase["orders"]!.AsArray()[0]!["orderId"]!.GetValue<string>();
        narrate($"{buyer.User} placed purchase {purchase["purchaseId"]} at {buyerHub.Hub}: order {orderId}.");
        return (purchase["purchaseId"]!.GetValue<string>(), orderId, purchase);
    }

    /// <summary>The buyer's view of its orders, narrating each new timeline step.</summary>
    public async Task<OrderWatcher> WatcherAsync(CancellationToken cancellationToken) =>
        _watcher ??= new OrderWatcher(buyerHub, await buyerHub.SignInAsync(cast.Buyer, cancellationToken), narrate);

    internal static string Currency(string hub) => hub switch { "KR" => "KRW", "CN" => "CNY", "MY" => "MYR", _ => throw new StoryException($"No currency known for hub {hub}.") };

    // KRW has no minor unit; CNY and MYR have two decimals.
    private static long Minor(string hub) => hub == "KR" ? 1 : 100;

    /// <summary>An amount the APIs give as minor units and a currency code, said in the currency's units ("CNY 1,272.97").</summary>
    internal static string Amount(long minorUnits, string currency) => Money.FromMinorUnits(minorUnits, CurrencyCode.Parse(currency)).ToString();

    internal static string Amount(JsonNode? minorUnits, JsonNode? currency) => Amount(minorUnits!.GetValue<long>(), currency!.GetValue<string>());

    /// <summary>A money object of the APIs (<c>{minorUnits, currency}</c>) said in its currency's units.</summary>
    internal static string Amount(JsonNode? money) => Amount(money!["minorUnits"], money["currency"]);

    private static string Word() => string.Create(10, Random.Shared, (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('a' + random.Next(26));
        }
    });
}
