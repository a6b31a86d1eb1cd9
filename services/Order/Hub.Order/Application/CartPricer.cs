using System.Globalization;
using Grpc.Core;
using Hub.Catalog.V1;
using Hub.Contracts.Values;
using Hub.Customs.V1;
using Hub.Logistics.V1;
using Hub.Order.Domain;
using Hub.Order.Endpoints;
using Hub.Payment.V1;
using Microsoft.Extensions.Options;
using PaymentClient = Hub.Payment.V1.Payment.PaymentClient;

namespace Hub.Order.Application;

/// <summary>Prices a cart: products and stock from the suppliers' catalogs, freight, landed cost and an FX quote.</summary>
internal sealed class CartPricer(HubClients hubs, PaymentClient payment, IOptions<OrderOptions> options, IConfiguration configuration)
{
    /// <summary>The most lines a cart holds: a supplier hub's catalog prices and reserves at most 200 products a call.</summary>
    public const int MaxLines = 200;

    public string BuyerCurrency => options.Value.Currency ?? configuration["Hub:Currency"] ?? throw new InvalidOperationException("Hub:Currency is not configured.");

    /// <summary>Checks the cart's shape; the failing fields, or none.</summary>
    public static Dictionary<string, string[]> Validate(CartRequest? cart)
    {
        var errors = new Dictionary<string, string[]>();
        if (cart is null)
        {
            errors["body"] = ["A cart is required."];
            return errors;
        }

        if (!IncotermCosts.IsRule(cart.Incoterm))
        {
            errors["incoterm"] = ["Incoterm must be an Incoterms 2020 rule: " + string.Join(", ", IncotermCosts.Rules) + "."];
        }

        if (string.IsNullOrWhiteSpace(cart.NamedPlace) || cart.NamedPlace.Length > 200 || cart.NamedPlace.Any(char.IsControl))
        {
            errors["namedPlace"] = ["The Incoterm's named place is required (at most 200 characters, no control characters)."];
        }

        if (cart.Mode is not ("AIR" or "SEA"))
        {
            errors["mode"] = ["Mode must be AIR or SEA."];
        }

        if (cart.Lines is not { Count: > 0 and <= MaxLines })
        {
            errors["lines"] = [$"A cart needs 1 to {MaxLines} lines."];
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cart.Lines.Count; i++)
        {
            var line = cart.Lines[i];
            if (line is null)
            {
                errors[$"lines[{i}]"] = ["Give the line's productId and quantity."];
                continue;
            }

            if (!ProductId.TryParse(line.ProductId, out _))
            {
                errors[$"lines[{i}].productId"] = ["Expected a product id such as KR-P-000123."];
            }
            else if (!seen.Add(line.ProductId))
            {
                errors[$"lines[{i}].productId"] = ["A product appears once per cart."];
            }

            if (line.Quantity <= 0)
            {
                errors[$"lines[{i}].quantity"] = ["Quantity must be at least 1."];
            }

            if (line.SupplierCompany is not null && !CompanyId.TryParse(line.SupplierCompany, out _))
            {
                errors[$"lines[{i}].supplierCompany"] = ["Expected a company id such as KR-C-000123, or none."];
            }
        }

        return errors;
    }

    /// <summary>Prices a valid cart for a buyer. Business refusals (MOQ, stock, unlisted, unreachable hub) come back as field errors.</summary>
    public async Task<CartPricing> PriceAsync(CompanyId buyer, CartRequest cart, CancellationToken cancellationToken)
    {
        var lines = cart.Lines!;
        var errors = new Dictionary<string, string[]>();
        var quotes = new Dictionary<int, ProductQuote>();
        var byHub = lines.Select((line, index) => (line, index)).GroupBy(x => ProductId.Parse(x.line.ProductId!).Hub);
        foreach (var group in byHub)
        {
            if (!hubs.IsReachable(group.Key))
            {
                foreach (var (_, index) in group)
                {
                    errors[$"lines[{index}].productId"] = [$"The supplier's hub {group.Key} is not reachable from this hub."];
                }

                continue;
            }

            var request = new GetProductsRequest();
            request.Items.AddRange(group.Select(x => new ProductQuantity { ProductId = x.line.ProductId, Quantity = x.line.Quantity }));
            GetProductsReply reply;
            try
            {
                reply = await hubs.Catalog(group.Key).GetProductsAsync(request, cancellationToken: cancellationToken);
            }
            catch (RpcException ex) when (TooLarge(ex, group) is { } tooLarge)
            {
                var (line, index) = tooLarge;
                errors[$"lines[{index}].quantity"] = [$"{line.Quantity} units of product {line.ProductId} cost more than one order line may come to; order fewer."];
                continue;
            }

            foreach (var ((line, index), quote) in group.Zip(reply.Products))
            {
                var field = $"lines[{index}]";
                if (!quote.Found)
                {
                    errors[field + ".productId"] = [$"Product {line.ProductId} does not exist."];
                }
                else if (quote.Status != "listed")
                {
                    errors[field + ".productId"] = [$"Product {line.ProductId} is {quote.Status}; only listed products can be ordered."];
                }
                else if (!quote.MeetsMoq)
                {
                    errors[field + ".quantity"] = [$"Product {line.ProductId} has a minimum order quantity of {quote.Moq}."];
                }
                else if (quote.Available < line.Quantity)
                {
                    errors[field + ".quantity"] = [$"Only {quote.Available} units of product {line.ProductId} are available."];
                }
                else if (!CompanyId.TryParse(quote.SupplierCompany, out _))
                {
                    errors[field + ".productId"] = [$"The catalog of hub {group.Key} does not say which company supplies product {line.ProductId}."];
                }
                else if (line.SupplierCompany is not null && line.SupplierCompany != quote.SupplierCompany)
                {
                    errors[field + ".supplierCompany"] = [$"Product {line.ProductId} is supplied by {quote.SupplierCompany}, not {line.SupplierCompany}."];
                }
                else
                {
                    quotes[index] = quote;
                }
            }
        }

        var suppliers = quotes.GroupBy(q => q.Value.SupplierId).ToList();
        foreach (var supplier in suppliers.Where(s => s.Sum(q => (decimal)q.Value.LineTotalMinor) > Hub.Contracts.Values.Money.MaxAmountMinorUnits))
        {
            // One order is paid as one amount, which the platform bounds like every amount.
            errors["lines"] = [$"The goods of supplier {supplier.Key} come to more than {Hub.Contracts.Values.Money.MaxAmountMinorUnits} minor units of {supplier.First().Value.Currency}, the most one order may; split them over several carts."];
        }

        if (errors.Count > 0)
        {
            return new CartPricing(errors, []);
        }

        var buyerCurrency = BuyerCurrency;
        // Each supplier's freight, duties and FX are its own: the suppliers are priced at once.
        var priced = await Task.WhenAll(suppliers.Select(supplier =>
            PriceSupplierAsync(buyer, buyerCurrency, cart, [.. supplier.Select(q => (lines[q.Key], q.Value))], cancellationToken)));
        return new CartPricing(errors, priced);
    }

    private async Task<PricedSupplier> PriceSupplierAsync(
        CompanyId buyer, string buyerCurrency, CartRequest cart, List<(CartLineRequest Line, ProductQuote Quote)> lines, CancellationToken cancellationToken)
    {
        var first = lines[0].Quote;
        var supplierHub = SupplierId.Parse(first.SupplierId).Hub;
        var currency = first.Currency;
        if (lines.Any(l => l.Quote.Currency != currency))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Supplier {first.SupplierId} prices in more than one currency."));
        }

        var goodsTotal = lines.Sum(l => l.Quote.LineTotalMinor);

        // The FX quote needs only the goods total: it runs while freight and then duties are asked for.
        using var fxCall = payment.QuoteFxAsync(new QuoteFxRequest
        {
            BuyerCompany = buyer.ToString(),
            PayCurrency = buyerCurrency,
            Settlement = new Hub.Payment.V1.Money { MinorUnits = goodsTotal, Currency = currency },
        }, cancellationToken: cancellationToken);
        var freightRequest = new EstimateFreightRequest { Lane = new LaneKey { Origin = supplierHub.ToString(), Destination = hubs.Self.ToString(), Mode = cart.Mode } };
        freightRequest.Cartons.AddRange(lines.Select(l => Carton(l.Quote, l.Line.Quantity)));
        var freight = await hubs.Logistics(supplierHub).EstimateFreightAsync(freightRequest, cancellationToken: cancellationToken);

        var landed = new PreviewLandedCostRequest
        {
            InvoiceCurrency = currency,
            Incoterm = cart.Incoterm,
            FreightMinor = freight.Currency == currency ? freight.PriceMinorUnits : 0,
            Channel = Channel.GeneralTrade,
            BuyerId = buyer.ToString(),
        };
        landed.Lines.AddRange(lines.Select(l => Goods(l.Quote, l.Line.Quantity, l.Quote.LineTotalMinor, hubs.Self.ToString())));
        var duties = await hubs.Customs(hubs.Self).PreviewLandedCostAsync(landed, cancellationToken: cancellationToken);
        var fx = await fxCall;

        return new PricedSupplier(
            first.SupplierId,
            first.SupplierCompany,
            supplierHub.ToString(),
            currency,
            goodsTotal,
            [.. lines.Select(l => new LineResponse(l.Quote.ProductId, l.Line.Quantity, l.Quote.UnitPriceMinor, l.Quote.Currency, l.Quote.PriceVersion, l.Quote.LineTotalMinor))],
            fx.Pay.MinorUnits,
            fx.Pay.Currency,
            fx.QuoteId,
            fx.ExpiresAt.ToDateTime(),
            fx.Rate,
            new MoneyResponse(freight.PriceMinorUnits, freight.Currency),
            new MoneyResponse(duties.Total?.MinorUnits ?? 0, duties.Total?.Currency ?? duties.Currency),
            first.SupplierName is { Length: > 0 } name ? name : null,
            fx.ShipWithinDays,
            fx.ProtectionDays);
    }

    // The line the catalog refused to price because its total is too large: OUT_OF_RANGE names the item in the "item" trailer.
    private static (CartLineRequest Line, int Index)? TooLarge(RpcException ex, IEnumerable<(CartLineRequest Line, int Index)> asked) =>
        ex.StatusCode == StatusCode.OutOfRange
        && int.TryParse(ex.Trailers.GetValue("item"), NumberStyles.None, CultureInfo.InvariantCulture, out var item)
        && asked.Skip(item).Take(1).ToList() is [var line]
            ? line
            : null;

    /// <summary>A customs goods line for a product, with its national tariff line in the given country when it has one.</summary>
    internal static GoodsLine Goods(ProductQuote quote, int quantity, long valueMinor, string country) => new()
    {
        Description = quote.Title,
        HsCode = quote.NationalLines.TryGetValue(country, out var national) ? national : quote.HsCode,
        Origin = quote.Origin,
        Quantity = quantity.ToString(CultureInfo.InvariantCulture),
        Unit = "NAR",
        ValueMinor = valueMinor,
        NetMassKg = Decimal(quote.UnitNetWeightKg * quantity),
        GrossMassKg = Decimal(quote.UnitGrossWeightKg * quantity),
    };

    /// <summary>The cartons a quantity of a product ships in.</summary>
    internal static Hub.Logistics.V1.Carton Carton(ProductQuote quote, int quantity)
    {
        var perCarton = Math.Max(1, quote.UnitsPerCarton);
        return new Hub.Logistics.V1.Carton
        {
            LengthCm = Decimal(quote.CartonLengthCm),
            WidthCm = Decimal(quote.CartonWidthCm),
            HeightCm = Decimal(quote.CartonHeightCm),
            WeightKg = Decimal(quote.CartonGrossWeightKg),
            Quantity = (quantity + perCarton - 1) / perCarton,
        };
    }

    private static string Decimal(double value) => Math.Round((decimal)value, 3, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A priced cart: the field errors that refuse it, or one priced part per supplier.</summary>
internal sealed record CartPricing(Dictionary<string, string[]> Errors, IReadOnlyList<PricedSupplier> Suppliers);

/// <summary>One supplier's part of a cart, priced.</summary>
internal sealed record PricedSupplier(
    string SupplierId,
    string SupplierCompany,
    string SupplierHub,
    string Currency,
    long GoodsTotalMinor,
    IReadOnlyList<LineResponse> Lines,
    long BuyerTotalMinor,
    string BuyerCurrency,
    string FxQuoteId,
    DateTime FxQuoteExpiresAt,
    string FxRate,
    MoneyResponse Freight,
    MoneyResponse Duties,
    string? SupplierName = null,
    int ShipWithinDays = 0,
    int ProtectionDays = 0);
