using Hub.Contracts.Values;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Fx;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;

namespace Hub.Payment.Application;

/// <summary>
/// Charges a company of this hub what a partner hub paid for it and billed here (the freight of a shipment that left
/// that hub, the duties and taxes of an import there): the company's wallet pays in this hub's currency
/// (<c>Hub:Currency</c>) at the hub's rate less the platform's FX margin, rounded up (what a quote of the amount would
/// price it at), and this hub owes the partner the bill in its own currency, through the FX position. The wallet may go
/// below zero: what was billed is owed whatever the company holds.
/// </summary>
internal sealed partial class PartnerBills(
    Ledger ledger, RateBook rates, TermsBook terms, ServiceIdentity identity, IConfiguration configuration, ILogger<PartnerBills> logger)
{
    /// <summary>
    /// Posts the charge of <paramref name="billed"/> to <paramref name="payer"/>'s wallet, owed to
    /// <paramref name="partner"/>, under <paramref name="key"/>, inside the caller's transaction;
    /// <paramref name="what"/> says what was billed, e.g. "Order CN-O-000001: freight of shipment … for consignment …".
    /// </summary>
    /// <returns>What the wallet was charged; null when <paramref name="key"/> was posted before.</returns>
    /// <exception cref="PaymentException">No rate converts this hub's currency into the bill's: the bill waits to be delivered again.</exception>
    public async Task<Money?> ChargeAsync(string key, CompanyId payer, Money billed, HubId partner, string what, CancellationToken cancellationToken)
    {
        if (await ledger.FindPostingAsync(key, cancellationToken) is not null)
        {
            return null;
        }

        var pay = CurrencyCode.Parse(configuration["Hub:Currency"] ?? throw new InvalidOperationException("Hub:Currency is not configured."));
        var market = pay == billed.Currency ? null : await rates.FindAsync(pay, billed.Currency, cancellationToken);
        QuoteCalculation price;
        try
        {
            price = QuoteCalculation.For(pay, billed, market, pay == billed.Currency ? 0 : (await terms.CurrentAsync(cancellationToken)).FxMarginBps);
        }
        catch (ArgumentException ex) when (ex.ParamName == "market")
        {
            LogNoRate(what, billed.ToString(), pay.Code);
            throw new PaymentException(PaymentErrorKind.Invalid, "no-rate", $"No rate converts {pay} to {billed.Currency}: {what}.", "currency");
        }

        var charge = PostingEntry.Debit(await ledger.AccountAsync(AccountKind.SmeWallet, payer.ToString(), pay, cancellationToken), price.Pay);
        var owed = PostingEntry.Credit(await ledger.AccountAsync(AccountKind.PartnerHub, partner.ToString(), billed.Currency, cancellationToken), billed);
        List<PostingEntry> entries = [charge];
        if (pay != billed.Currency)
        {
            var position = identity.Hub.ToString();
            entries.Add(PostingEntry.Credit(await ledger.AccountAsync(AccountKind.FxPosition, position, pay, cancellationToken), price.Pay));
            entries.Add(PostingEntry.Debit(await ledger.AccountAsync(AccountKind.FxPosition, position, billed.Currency, cancellationToken), billed));
        }

        entries.Add(owed);
        await ledger.EnsureRoomAsync([charge], cancellationToken);
        var rate = pay == billed.Currency ? "" : $" at {pay}/{billed.Currency} {price.Rate}";
        ledger.Post(key, $"{what}, billed {billed} by hub {partner}{rate}, charged to {payer}", [.. entries]);
        return price.Pay;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{What} ({Billed}) not charged: no rate converts {Pay} into it; delivered again until one is published")]
    private partial void LogNoRate(string what, string billed, string pay);
}
