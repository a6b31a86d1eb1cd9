using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Application;

/// <summary>
/// Registers a purchase invoice and takes it into its order's claim in one transaction, so an invoice is either part of
/// the claim's amounts or not registered at all.
/// </summary>
internal sealed class InvoiceRegistrar(TaxRefundDbContext db, ClaimDesk desk)
{
    /// <summary>
    /// Saves the invoice and brings the claim up to date. A claim changed meanwhile (filed by the hub, decided by an
    /// operator) wins on its row version: the registration then runs again on what it wrote.
    /// </summary>
    /// <exception cref="TaxRefundException">The claim refuses the invoice; nothing is saved.</exception>
    public async Task RegisterAsync(PurchaseInvoice invoice, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                db.Invoices.Add(invoice);
                await db.SaveChangesAsync(cancellationToken);
                if (await db.Claims.SingleOrDefaultAsync(c => c.OrderId == invoice.OrderId, cancellationToken) is { } claim)
                {
                    await desk.TakeInvoiceAsync(claim, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
