using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.TaxRefund.Endpoints;

/// <summary>
/// A purchase invoice to register: the VAT-inclusive amount paid (integer minor units + currency), the VAT rate levied
/// as a fraction (0.13 = 13 %), and the goods (product, HS code, quantity) of one of the supplier's orders.
/// </summary>
internal sealed record InvoiceRequest(
    string? InvoiceNumber, string? OrderId, string? ProductId, string? HsCode, decimal? Quantity,
    long? AmountInclVatMinorUnits, string? Currency, decimal? VatRate);

internal sealed record InvoiceResponse(
    Guid Id, string SupplierCompany, string InvoiceNumber, string OrderId, string ProductId, string HsCode, decimal Quantity,
    long AmountInclVatMinorUnits, string Currency, decimal VatRate, DateTime RegisteredAt);

/// <summary>Suppliers register their purchase invoices; they and operators read them.</summary>
internal static class InvoiceEndpoints
{
    /// <summary>Invoices in a page when the caller names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 50;

    /// <summary>The most invoices a page holds.</summary>
    private const int MaxPageSize = 200;

    public static void MapInvoiceEndpoints(this IEndpointRouteBuilder routes)
    {
        var invoices = routes.MapGroup("/api/tax-refund/invoices").WithTags("Purchase invoices");
        invoices.MapPost("/", Register).RequireAuthorization(HubPolicies.Sme);
        invoices.MapGet("/", List).RequireAuthorization(HubPolicies.SmeOrOperator);
    }

    /// <summary>
    /// Registers an invoice (201). The same invoice sent again, as a retry does, answers the one registered (200); another
    /// under the same number is a 409.
    /// </summary>
    private static async Task<Results<Created<InvoiceResponse>, Ok<InvoiceResponse>, ProblemHttpResult>> Register(
        InvoiceRequest request, Caller caller, TaxRefundDbContext db, InvoiceRegistrar registrar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var number = request.InvoiceNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 64)
        {
            errors["invoiceNumber"] = ["The invoice number is required (at most 64 characters)."];
        }

        if (!OrderId.TryParse(request.OrderId, out var orderId))
        {
            errors["orderId"] = [$"'{request.OrderId}' is not an order id such as KR-O-000001."];
        }

        if (!ProductId.TryParse(request.ProductId, out var productId))
        {
            errors["productId"] = [$"'{request.ProductId}' is not a product id such as KR-P-000001."];
        }

        if (!HsCode.TryParse(request.HsCode, out var hsCode))
        {
            errors["hsCode"] = [$"'{request.HsCode}' is not an HS code of 6 to 10 digits."];
        }

        // A value its column would round or refuse is refused here.
        if (request.Quantity is not > 0 || !StoredNumber.Quantity.Fits(request.Quantity.Value))
        {
            errors["quantity"] = [$"The quantity must be positive, below 10^{StoredNumber.Quantity.IntegerDigits}, with at most {StoredNumber.Quantity.Scale} decimals."];
        }

        if (!CurrencyCode.TryParse(request.Currency, out var currency))
        {
            errors["currency"] = [$"'{request.Currency}' is not an ISO 4217 currency code."];
        }

        if (request.AmountInclVatMinorUnits is not > 0)
        {
            errors["amountInclVatMinorUnits"] = ["The VAT-inclusive amount must be positive."];
        }

        if (request.VatRate is not (> 0m and <= 1m) || !StoredNumber.Rate.Fits(request.VatRate.Value))
        {
            errors["vatRate"] = [$"The VAT rate is a fraction above 0 and at most 1 with at most {StoredNumber.Rate.Scale} decimals (0.13 for 13 %)."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var company = caller.Company!.Value.ToString();
        var order = orderId.ToString();
        var invoice = new PurchaseInvoice(Guid.NewGuid(), company, number!, order, productId.ToString(), hsCode.ToString(),
            request.Quantity!.Value, Money.FromMinorUnits(request.AmountInclVatMinorUnits!.Value, currency).Amount, currency.Code,
            request.VatRate!.Value, clock.GetUtcNow().UtcDateTime);
        if (await RegisteredAsync(db, invoice, cancellationToken) is { } registered)
        {
            return registered;
        }

        // Only the order's own facts name its supplier: an invoice never does, or anyone could claim anyone's export.
        var supplier = await db.Evidence.AsNoTracking().Where(e => e.OrderId == order).Select(e => e.SupplierCompany).SingleOrDefaultAsync(cancellationToken);
        if (supplier is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order's supplier is not known yet.",
                detail: $"The supplier of order {order} is not known here yet; register the invoice once its consignment is booked.");
        }

        if (supplier != company)
        {
            return Problems.NotFound($"No order {order} of yours.");
        }

        try
        {
            await registrar.RegisterAsync(invoice, cancellationToken);
        }
        catch (TaxRefundException ex)
        {
            return Problems.From(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The claim changed meanwhile.",
                detail: $"The refund claim of order {order} kept changing; register the invoice again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same number registered at the same moment by another request.
            return await RegisteredAsync(db, invoice, cancellationToken)
                ?? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Invoice already registered.", detail: $"Invoice {number} is already registered.");
        }

        return TypedResults.Created($"/api/tax-refund/invoices/{invoice.Id}", ToResponse(invoice));
    }

    /// <summary>
    /// What to answer when the supplier already registered an invoice under the number of <paramref name="invoice"/>:
    /// the registered one if it is the same purchase (a retry), a 409 if it is another; null when the number is free.
    /// </summary>
    private static async Task<Results<Created<InvoiceResponse>, Ok<InvoiceResponse>, ProblemHttpResult>?> RegisteredAsync(
        TaxRefundDbContext db, PurchaseInvoice invoice, CancellationToken cancellationToken)
    {
        var registered = await db.Invoices.AsNoTracking()
            .SingleOrDefaultAsync(i => i.SupplierCompany == invoice.SupplierCompany && i.InvoiceNumber == invoice.InvoiceNumber, cancellationToken);
        if (registered is null)
        {
            return null;
        }

        return registered.IsSamePurchaseAs(invoice)
            ? TypedResults.Ok(ToResponse(registered))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Invoice already registered.",
                detail: $"Invoice {invoice.InvoiceNumber} is already registered with other details; register a different purchase under its own number.");
    }

    /// <summary>
    /// A page of the invoices the caller sees, in the order they were registered: at most <c>limit</c>
    /// (<see cref="DefaultPageSize"/> when absent, 1 to <see cref="MaxPageSize"/>, else a 400), after the invoice
    /// <c>after</c> (the previous page's last one).
    /// </summary>
    private static async Task<Results<Ok<List<InvoiceResponse>>, ProblemHttpResult>> List(
        string? orderId, string? after, int? limit, Caller caller, TaxRefundDbContext db, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryPageSize(limit, DefaultPageSize, MaxPageSize, out var take))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["limit"] = [RequestValues.PageSizeRule(MaxPageSize)] });
        }

        var visible = db.Invoices.AsNoTracking();
        if (!caller.IsOperator)
        {
            var company = caller.Company!.Value.ToString();
            visible = visible.Where(i => i.SupplierCompany == company);
        }

        var query = visible;
        if (!string.IsNullOrEmpty(after))
        {
            // Keyed on the list's order rather than an offset: invoices registered meanwhile do not shift the next page.
            var mark = Guid.TryParse(after, out var id)
                ? await visible.Where(i => i.Id == id).Select(i => new { i.RegisteredAt, i.Id }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (mark is null)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["after"] = [$"'{after}' is not an invoice of this list; pass the id of the previous page's last invoice."] });
            }

            query = query.Where(i => EF.Functions.GreaterThan(ValueTuple.Create(i.RegisteredAt, i.Id), ValueTuple.Create(mark.RegisteredAt, mark.Id)));
        }

        if (!string.IsNullOrEmpty(orderId))
        {
            query = query.Where(i => i.OrderId == orderId);
        }

        var invoices = await query.OrderBy(i => i.RegisteredAt).ThenBy(i => i.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(invoices.Select(ToResponse).ToList());
    }

    private static InvoiceResponse ToResponse(PurchaseInvoice i) => new(
        i.Id, i.SupplierCompany, i.InvoiceNumber, i.OrderId, i.ProductId, i.HsCode, i.Quantity,
        new Money(i.AmountInclVat, CurrencyCode.Parse(i.Currency)).ToMinorUnits(), i.Currency, i.VatRate, i.RegisteredAt);
}
