using System.Globalization;
using Hub.Contracts.Values;
using Hub.Customs.Domain.Declarations;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.V1;
using DomainDeclarationType = Hub.Customs.Domain.Declarations.DeclarationType;
using DomainStatus = Hub.Customs.Domain.Declarations.DeclarationStatus;

namespace Hub.Customs.Grpc;

internal static class ProtoWriter
{
    public static LandedCostReply ToReply(this LandedCost cost, HubId destination)
    {
        var reply = new LandedCostReply
        {
            DestinationHub = destination.ToString(),
            Currency = cost.Currency.Code,
            FxRate = Text(cost.FxRate),
            Regime = new Regime
            {
                Code = cost.Regime.Code,
                Name = cost.Regime.Name,
                LowValueApplied = cost.Regime.Applied,
                MeasuredAgainst = cost.Regime.Candidate?.Code ?? "",
                MeasuredValue = cost.Regime.MeasuredValue is { } measured ? Amount(measured) : null,
                Reason = cost.Regime.Reason,
            },
            CustomsValue = Amount(cost.CustomsValue),
            Duty = Amount(cost.Duty),
            ConsumptionTax = Amount(cost.ConsumptionTax),
            Vat = Amount(cost.Vat),
            Total = Amount(cost.Total),
            RoundingMode = cost.Rounding.ToString(),
            RoundingRule = cost.RoundingRule,
        };
        reply.Lines.AddRange(cost.Lines.Select(l => new LineCost
        {
            Index = l.Index,
            HsCode = l.Code.ToString(),
            TariffPrefix = l.TariffPrefix,
            CustomsValue = Amount(l.CustomsValue),
            DutyBasis = l.DutyBasis,
            PreferenceApplied = l.PreferenceApplied,
            PreferenceNote = l.PreferenceNote ?? "",
            Duty = Amount(l.Duty),
            ConsumptionTaxRate = Text(l.ConsumptionTaxRate),
            ConsumptionTax = Amount(l.ConsumptionTax),
            VatRate = Text(l.VatRate),
            Vat = Amount(l.Vat),
            Total = Amount(l.Total),
        }));
        return reply;
    }

    public static DeclarationReply ToReply(this Declaration d)
    {
        var currency = CurrencyCode.Parse(d.Currency);
        return new DeclarationReply
        {
            DeclarationId = d.Id,
            Type = d.Type == DomainDeclarationType.Export ? V1.DeclarationType.Export : V1.DeclarationType.Import,
            Status = d.Status switch
            {
                DomainStatus.Submitted => V1.DeclarationStatus.Submitted,
                DomainStatus.Accepted => V1.DeclarationStatus.Accepted,
                DomainStatus.Cleared => V1.DeclarationStatus.Cleared,
                DomainStatus.Held => V1.DeclarationStatus.Held,
                DomainStatus.Rejected => V1.DeclarationStatus.Rejected,
                DomainStatus.Withdrawn => V1.DeclarationStatus.Withdrawn,
                _ => V1.DeclarationStatus.Unspecified,
            },
            Lrn = d.Lrn,
            Mrn = d.Mrn ?? "",
            OrderId = d.OrderId,
            HoldReason = d.HoldReason ?? "",
            RejectionReason = d.RejectionReason ?? "",
            WithdrawalReason = d.WithdrawalReason ?? "",
            Duty = Amount(new Money(d.Duty, currency)),
            ConsumptionTax = Amount(new Money(d.ConsumptionTax, currency)),
            Vat = Amount(new Money(d.Vat, currency)),
            Total = Amount(new Money(d.TotalTaxes, currency)),
            RegimeCode = d.RegimeCode ?? "",
            ScreeningScore = d.ScreeningScore,
            ScreeningListVersion = d.ScreeningListVersion,
        };
    }

    // Rates come back from numeric columns with their scale ("1350.00000000"); the wire carries them without trailing zeros.
    private static string Text(decimal rate) => rate.ToString("0.############", CultureInfo.InvariantCulture);

    private static Amount Amount(Money money) => new() { MinorUnits = money.ToMinorUnits(), Currency = money.Currency.Code };
}
