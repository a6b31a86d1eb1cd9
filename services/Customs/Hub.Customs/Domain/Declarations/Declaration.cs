using System.Globalization;
using Hub.Contracts.Values;
using Hub.Customs.Domain.Screening;

namespace Hub.Customs.Domain.Declarations;

/// <summary>
/// An export or import declaration (WCO minimum data set, simplified) lodged by this hub for an order. Identified by
/// our <see cref="Id"/>, the caller's <see cref="Lrn"/> (unique per hub and type) and, once accepted, the authority's
/// <see cref="Mrn"/>.
/// </summary>
internal sealed class Declaration
{
    /// <summary>The most characters a rejection or withdrawal reason keeps.</summary>
    public const int MaxReasonLength = 200;

    private readonly List<GoodsItem> _items = [];

    private Declaration()
    {
    }

    public string Id { get; private set; } = "";

    public string Hub { get; private set; } = "";

    public DeclarationType Type { get; private set; }

    public string Lrn { get; private set; } = "";

    public string OrderId { get; private set; } = "";

    public string? Mrn { get; private set; }

    public DeclarationStatus Status { get; private set; }

    public Party Exporter { get; private set; } = null!;

    public Party Importer { get; private set; } = null!;

    public Party Declarant { get; private set; } = null!;

    public string Incoterm { get; private set; } = "";

    public string? IncotermPlace { get; private set; }

    public string? InvoiceNumber { get; private set; }

    public string InvoiceCurrency { get; private set; } = "";

    public decimal InvoiceTotal { get; private set; }

    public decimal FxRate { get; private set; }

    public Transport Transport { get; private set; } = null!;

    public IReadOnlyList<GoodsItem> Items => _items;

    /// <summary>Currency of the assessed amounts (the hub's for imports).</summary>
    public string Currency { get; private set; } = "";

    public decimal Duty { get; private set; }

    public decimal ConsumptionTax { get; private set; }

    public decimal Vat { get; private set; }

    public string? RegimeCode { get; private set; }

    public string? RoundingRule { get; private set; }

    public int ScreeningListVersion { get; private set; }

    public double ScreeningScore { get; private set; }

    public string? ScreeningMatch { get; private set; }

    public string? HoldReason { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Why the declarant withdrew it (the order was cancelled or failed).</summary>
    public string? WithdrawalReason { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public decimal TotalTaxes => Duty + ConsumptionTax + Vat;

    public static Declaration Submit(DeclarationId id, DeclarationType type, string lrn, OrderId orderId, Party exporter, Party importer, Party declarant,
        string incoterm, string? place, string? invoiceNumber, CurrencyCode invoiceCurrency, decimal fxRate, Transport transport,
        IEnumerable<GoodsItem> items, Money duty, Money consumptionTax, Money vat, string? regimeCode, string? roundingRule, DateTime now)
    {
        var declaration = new Declaration
        {
            Id = id.ToString(),
            Hub = id.Hub.ToString(),
            Type = type,
            Lrn = lrn,
            OrderId = orderId.ToString(),
            Status = DeclarationStatus.Submitted,
            Exporter = exporter,
            Importer = importer,
            Declarant = declarant,
            Incoterm = incoterm,
            IncotermPlace = place,
            InvoiceNumber = invoiceNumber,
            InvoiceCurrency = invoiceCurrency.Code,
            FxRate = fxRate,
            Transport = transport,
            Currency = duty.Currency.Code,
            Duty = duty.Amount,
            ConsumptionTax = consumptionTax.Amount,
            Vat = vat.Amount,
            RegimeCode = regimeCode,
            RoundingRule = roundingRule,
            SubmittedAt = now,
        };
        declaration._items.AddRange(items);
        declaration.InvoiceTotal = declaration._items.Sum(i => i.Value);
        EnsureRecordable("invoice total", new Money(declaration.InvoiceTotal, invoiceCurrency));
        EnsureRecordable("duty", duty);
        EnsureRecordable("consumption tax", consumptionTax);
        EnsureRecordable("VAT", vat);
        return declaration;
    }

    public void RecordScreening(ScreeningResult result)
    {
        ScreeningListVersion = result.ListVersion;
        ScreeningScore = result.Score;
        ScreeningMatch = result.IsHit ? $"{result.Party} ~ {result.MatchedName}" : null;
    }

    /// <summary>The authority accepted the declaration and gave it its movement reference number.</summary>
    public void Accept(string mrn, DateTime now)
    {
        Require(DeclarationStatus.Submitted, "be accepted");
        Mrn = mrn;
        AcceptedAt = now;
        Status = DeclarationStatus.Accepted;
    }

    /// <summary>Routine case: the automatic rules clear the goods.</summary>
    public void Clear(DateTime now)
    {
        Require(DeclarationStatus.Accepted, "be cleared automatically");
        Status = DeclarationStatus.Cleared;
        DecidedAt = now;
        DecidedBy = "automatic rules";
    }

    /// <summary>A screening hit or missing data: an operator must look at it.</summary>
    public void Hold(string reason, DateTime now)
    {
        Require(DeclarationStatus.Accepted, "be held");
        Status = DeclarationStatus.Held;
        HoldReason = reason;
        DecidedAt = now;
    }

    public void Release(string operatorId, DateTime now)
    {
        Require(DeclarationStatus.Held, "be released");
        Status = DeclarationStatus.Cleared;
        DecidedBy = operatorId;
        DecidedAt = now;
    }

    public void Reject(string reason, string decidedBy, DateTime now)
    {
        if (Status is not (DeclarationStatus.Submitted or DeclarationStatus.Accepted or DeclarationStatus.Held))
        {
            throw new DeclarationStateException($"Declaration {Id} is {Status} and cannot be rejected.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CustomsRuleException("reason", "A rejection needs a reason.");
        }

        var kept = StoredText.Ensure("reason", reason.Trim(), MaxReasonLength);
        Status = DeclarationStatus.Rejected;
        RejectionReason = kept;
        DecidedBy = decidedBy;
        DecidedAt = now;
    }

    /// <summary>The trade will not happen: the declaration is withdrawn. False if it already was.</summary>
    public bool Withdraw(string reason, string by, DateTime now)
    {
        if (Status == DeclarationStatus.Withdrawn)
        {
            return false;
        }

        if (Status == DeclarationStatus.Rejected)
        {
            throw new DeclarationStateException($"Declaration {Id} was rejected and cannot be withdrawn.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CustomsRuleException("reason", "A withdrawal needs a reason.");
        }

        var kept = StoredText.Ensure("reason", reason.Trim(), MaxReasonLength);
        Status = DeclarationStatus.Withdrawn;
        WithdrawalReason = kept;
        DecidedBy = by;
        DecidedAt = now;
        return true;
    }

    public bool Concerns(CompanyId company)
    {
        var text = company.ToString();
        return Exporter.TraderId == text || Importer.TraderId == text || Declarant.TraderId == text;
    }

    /// <summary>The simulated authority's MRN: year, hub, type and our number, e.g. 26KRIM0000000012.</summary>
    public static string MrnFor(DeclarationId id, DeclarationType type, DateTime now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now:yy}{id.Hub}{(type == DeclarationType.Export ? "EX" : "IM")}{id.Number:D10}");

    // The goods lines are where every amount of a declaration comes from.
    private static void EnsureRecordable(string what, Money amount)
    {
        if (!StoredNumber.Amount.Fits(amount.Amount))
        {
            throw new CustomsRuleException("lines", $"The {what}, {amount}, is more than a declaration can record.");
        }
    }

    private void Require(DeclarationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DeclarationStateException($"Declaration {Id} is {Status} and cannot {action}; it must be {expected}.");
        }
    }
}
