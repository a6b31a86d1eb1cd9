using System.Globalization;
using Hub.Contracts.Customs;
using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Customs.Domain.Declarations;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;
using Hub.Customs.Observability;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Customs.Application;

/// <summary>
/// Lodges declarations and applies the automatic rules: screen the parties, take the authority's acceptance, then
/// clear routine cases and hold screening hits or incomplete data for an operator.
/// </summary>
internal sealed partial class DeclarationService(
    CustomsDbContext db, IOutbox outbox, ReferenceDataReader reader, PartyScreening screener, ServiceIdentity identity, TimeProvider clock, CustomsCalendar calendar,
    CustomsMetrics metrics,
    ILogger<DeclarationService> logger)
{
    public async Task<Declaration> DeclareAsync(DeclarationDraft draft, CancellationToken cancellationToken)
    {
        if (await FindExistingAsync(draft, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return await LodgeAsync(draft, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent call with the same LRN or order won the race; its declaration is the answer.
            db.ChangeTracker.Clear();
            return await FindExistingAsync(draft, cancellationToken)
                ?? throw new InvalidOperationException($"Declaration {draft.Lrn} collided with another yet cannot be found.", ex);
        }
    }

    public async Task<Declaration?> FindAsync(string id, CancellationToken cancellationToken) =>
        await db.Declarations.FirstOrDefaultAsync(d => d.Id == id && d.Hub == identity.Hub.ToString(), cancellationToken);

    public async Task<Declaration?> ReleaseAsync(string id, string operatorId, CancellationToken cancellationToken)
    {
        var declaration = await FindAsync(id, cancellationToken);
        if (declaration is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        declaration.Release(operatorId, now);
        PublishCleared(declaration, now);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Decided(declaration);
        LogReleased(declaration.Id, operatorId);
        return declaration;
    }

    /// <summary>Withdraws the order's declaration of <paramref name="type"/>; null if it has none.</summary>
    public async Task<Declaration?> WithdrawAsync(string orderId, DeclarationType type, string reason, CancellationToken cancellationToken)
    {
        var hub = identity.Hub.ToString();
        var declaration = await db.Declarations.FirstOrDefaultAsync(d => d.Hub == hub && d.Type == type && d.OrderId == orderId, cancellationToken);
        if (declaration is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (declaration.Withdraw(reason, "declarant", now))
        {
            await GiveAllowanceBackAsync(declaration, cancellationToken);
            outbox.PublishForOrder(identity.Hub, declaration.OrderId,
                new DeclarationWithdrawn(declaration.OrderId, declaration.Id, declaration.Hub, declaration.Type.ToString(), declaration.WithdrawalReason!, now));
            await db.SaveChangesAsync(cancellationToken);
            LogWithdrawn(declaration.Id, declaration.WithdrawalReason!);
        }

        return declaration;
    }

    public async Task<Declaration?> RejectAsync(string id, string reason, string operatorId, CancellationToken cancellationToken)
    {
        var declaration = await FindAsync(id, cancellationToken);
        if (declaration is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        declaration.Reject(reason, operatorId, now);
        await GiveAllowanceBackAsync(declaration, cancellationToken);
        outbox.PublishForOrder(identity.Hub, declaration.OrderId, new DeclarationRejected(declaration.OrderId, declaration.Id, declaration.Hub, declaration.Type.ToString(), declaration.RejectionReason!,
            declaration.Currency, Minor(declaration.Duty, declaration.Currency), Minor(declaration.ConsumptionTax + declaration.Vat, declaration.Currency), now));
        await db.SaveChangesAsync(cancellationToken);
        metrics.Decided(declaration);
        LogRejected(declaration.Id, operatorId, declaration.RejectionReason!);
        return declaration;
    }

    private async Task<Declaration> LodgeAsync(DeclarationDraft draft, CancellationToken cancellationToken)
    {
        // Screening and the hub's reference data read nothing the buyer's lock guards: they are read before it, keeping
        // the lock's hold short while one buyer's imports arrive together (a consolidated shipment's departure).
        var today = calendar.Today(identity.Hub);
        var reference = await reader.LoadAsync(identity.Hub, buyer: null, today, cancellationToken);
        var screening = await screener.ScreenAsync([draft.Exporter.Name, draft.Importer.Name, draft.Declarant.Name], cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (draft.Type == DeclarationType.Import && draft.Buyer is not null)
        {
            // The buyer's same-day and annual low-value totals are read, checked and extended in one go.
            var key = $"customs/{identity.Hub}/{draft.Buyer}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
            if (await FindExistingAsync(draft, cancellationToken) is { } lodgedMeanwhile)
            {
                return lodgedMeanwhile;
            }

            reference = reference with { BuyerHistory = await reader.BuyerHistoryAsync(identity.Hub, draft.Buyer, today, cancellationToken) };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cost = draft.Type == DeclarationType.Import ? LandedCostCalculator.Calculate(draft.ToLandedCostRequest(identity.Hub, today), reference) : null;
        var fx = cost?.FxRate ?? LandedCostCalculator.FxRate(reference, identity.Hub, draft.InvoiceCurrency, today, "invoiceCurrency");

        var id = new DeclarationId(identity.Hub, await NextNumberAsync(cancellationToken));
        var currency = cost?.Currency ?? draft.InvoiceCurrency;
        var declaration = Declaration.Submit(id, draft.Type, draft.Lrn, draft.OrderId, draft.Exporter, draft.Importer, draft.Declarant,
            draft.Incoterm.ToString().ToUpperInvariant(), draft.Place, draft.InvoiceNumber, draft.InvoiceCurrency, fx, draft.Transport,
            Items(draft, cost), cost?.Duty ?? Money.Zero(currency), cost?.ConsumptionTax ?? Money.Zero(currency), cost?.Vat ?? Money.Zero(currency),
            cost?.Regime.Code, cost?.RoundingRule, now);
        declaration.RecordScreening(screening);
        declaration.Accept(Declaration.MrnFor(id, draft.Type, now), now);

        var holdReason = screening.IsHit
            ? string.Create(CultureInfo.InvariantCulture,
                $"Denied-party screening: '{screening.Party}' matches '{screening.MatchedName}' with score {screening.Score:0.0000} (list version {screening.ListVersion}, threshold {screening.Threshold}).")
            : MissingData(draft);
        if (holdReason is not null)
        {
            declaration.Hold(holdReason, now);
            outbox.PublishForOrder(identity.Hub, declaration.OrderId, Held(declaration, now));
            LogHeld(declaration.Id, holdReason);
        }
        else
        {
            declaration.Clear(now);
            PublishCleared(declaration, now);
        }

        if (cost is not null)
        {
            outbox.PublishForOrder(identity.Hub, declaration.OrderId, new DutiesAssessed(declaration.OrderId, declaration.Id, declaration.Hub, cost.Regime.Code, cost.Currency.Code,
                cost.CustomsValue.ToMinorUnits(), cost.Duty.ToMinorUnits(), cost.ConsumptionTax.ToMinorUnits(), cost.Vat.ToMinorUnits(), now));
            if (cost.Regime is { Candidate: { } regime, MeasuredValue: { } measured } && draft.Buyer is not null)
            {
                db.BuyerImports.Add(BuyerImport.Record(identity.Hub, draft.Buyer, declaration.OrderId, regime.Code, cost.Regime.Applied, today, measured));
            }
        }

        db.Declarations.Add(declaration);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Decided(declaration);
        return declaration;
    }

    // The order's own declaration answers a repeated call. An LRN another order's declaration uses is refused: the
    // caller may lodge only for its own order (partner hubs are held to theirs), and LRNs can be guessed.
    private async Task<Declaration?> FindExistingAsync(DeclarationDraft draft, CancellationToken cancellationToken)
    {
        var hub = identity.Hub.ToString();
        var order = draft.OrderId.ToString();
        var found = await db.Declarations
            .Where(d => d.Hub == hub && d.Type == draft.Type && (d.Lrn == draft.Lrn || d.OrderId == order)).ToListAsync(cancellationToken);
        if (found.Any(d => d.Lrn == draft.Lrn && d.OrderId != order))
        {
            throw new LrnTakenException(draft.Lrn);
        }

        return found.FirstOrDefault(d => d.OrderId == order);
    }

    // An import that will not happen no longer uses up the buyer's low-value allowance: its entry goes with the
    // declaration's change of status, in the same save.
    private async Task GiveAllowanceBackAsync(Declaration declaration, CancellationToken cancellationToken)
    {
        if (declaration.Type != DeclarationType.Import)
        {
            return;
        }

        var entries = await db.BuyerImports.Where(b => b.Hub == declaration.Hub && b.OrderId == declaration.OrderId).ToListAsync(cancellationToken);
        db.BuyerImports.RemoveRange(entries);
    }

    private async Task<long> NextNumberAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>($"SELECT nextval('{CustomsDbContext.DeclarationNumbers}') AS \"Value\"").SingleAsync(cancellationToken);

    // An export is declared before the goods are loaded, so its bill of lading does not exist yet; an import arrives
    // under one.
    private static string? MissingData(DeclarationDraft draft) =>
        draft.Type == DeclarationType.Import && string.IsNullOrWhiteSpace(draft.Transport.TransportDocument)
            ? "Missing data: the transport document (B/L or AWB) is required before imported goods can be cleared."
            : null;

    private static IEnumerable<GoodsItem> Items(DeclarationDraft draft, LandedCost? cost) => draft.Items.Select((item, i) =>
    {
        var line = cost?.Lines[i];
        List<TaxLine> taxes = line is null
            ? []
            :
            [
                new TaxLine("DUTY", line.DutyBase, line.EffectiveDutyRate, line.Duty.Amount),
                new TaxLine("CT", line.TaxablePrice.Amount, LineAssessor.Fraction(line.EffectiveConsumptionTaxRate), line.ConsumptionTax.Amount),
                new TaxLine("VAT", line.TaxablePrice.Amount, LineAssessor.Fraction(line.EffectiveVatRate), line.Vat.Amount),
            ];
        return new GoodsItem(i + 1, item.Description, item.Line.Code.ToString(), item.Line.Origin.Code, item.Line.Quantity, item.Line.Unit,
            item.NetMassKg, item.GrossMassKg, item.Line.Value, line?.PreferenceApplied == true ? item.Line.Certificate?.Agreement : null,
            item.Line.Certificate?.Number, taxes);
    });

    private void PublishCleared(Declaration d, DateTime now)
    {
        var duties = Minor(d.Duty, d.Currency);
        var taxes = Minor(d.ConsumptionTax + d.Vat, d.Currency);
        if (d.Type == DeclarationType.Export)
        {
            outbox.PublishForOrder(identity.Hub, d.OrderId, new ExportCleared(d.OrderId, d.Id, d.Hub, d.Lrn, d.Mrn!, d.Currency, duties, taxes, now));
        }
        else
        {
            var importer = CompanyId.TryParse(d.Importer.TraderId, out var company) ? company.ToString() : null;
            outbox.PublishForOrder(identity.Hub, d.OrderId, new ImportCleared(d.OrderId, d.Id, d.Hub, d.Lrn, d.Mrn!, d.Currency, duties, taxes, now, importer));
        }
    }

    private static DeclarationHeld Held(Declaration d, DateTime now) =>
        new(d.OrderId, d.Id, d.Hub, d.Type.ToString(), d.HoldReason!, d.ScreeningScore, d.ScreeningListVersion, d.Currency,
            Minor(d.Duty, d.Currency), Minor(d.ConsumptionTax + d.Vat, d.Currency), now);

    private static long Minor(decimal amount, string currency) => new Money(amount, CurrencyCode.Parse(currency)).ToMinorUnits();

    [LoggerMessage(Level = LogLevel.Information, Message = "Declaration {DeclarationId} held: {Reason}")]
    private partial void LogHeld(string declarationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declaration {DeclarationId} released by {Operator}")]
    private partial void LogReleased(string declarationId, string @operator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declaration {DeclarationId} withdrawn: {Reason}")]
    private partial void LogWithdrawn(string declarationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declaration {DeclarationId} rejected by {Operator}: {Reason}")]
    private partial void LogRejected(string declarationId, string @operator, string reason);
}
