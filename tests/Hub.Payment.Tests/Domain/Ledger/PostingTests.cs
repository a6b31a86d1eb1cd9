using Hub.Contracts.Values;
using Hub.Payment.Domain.Ledger;

namespace Hub.Payment.Tests.Domain.Ledger;

public sealed class PostingTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly LedgerAccount WalletUsd = LedgerAccount.Open(AccountKind.SmeWallet, "KR-C-000001", CurrencyCode.USD, Now);
    private static readonly LedgerAccount EscrowUsd = LedgerAccount.Open(AccountKind.Escrow, "KR-O-000001", CurrencyCode.USD, Now);
    private static readonly LedgerAccount FxUsd = LedgerAccount.Open(AccountKind.FxPosition, "KR", CurrencyCode.USD, Now);
    private static readonly LedgerAccount FxKrw = LedgerAccount.Open(AccountKind.FxPosition, "KR", CurrencyCode.KRW, Now);
    private static readonly LedgerAccount SupplierKrw = LedgerAccount.Open(AccountKind.SupplierReceivable, "KR-C-000002", CurrencyCode.KRW, Now);

    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    private static Money Krw(decimal amount) => new(amount, CurrencyCode.KRW);

    [Fact]
    public void Create_DebitsEqualCredits_RecordsSignedLines()
    {
        var posting = Posting.Create("k", "secure", Now, [PostingEntry.Debit(WalletUsd, Usd(10.25m)), PostingEntry.Credit(EscrowUsd, Usd(10.25m))]);

        posting.Lines.Select(l => l.Amount).ShouldBe([10.25m, -10.25m]);
        posting.Lines.ShouldAllBe(l => l.PostingId == posting.Id);
    }

    [Fact]
    public void Create_BalancedInEachCurrency_IsAccepted()
    {
        var posting = Posting.Create("k", "release", Now,
        [
            PostingEntry.Debit(EscrowUsd, Usd(1000m)), PostingEntry.Credit(FxUsd, Usd(1000m)),
            PostingEntry.Debit(FxKrw, Krw(1_350_000m)), PostingEntry.Credit(SupplierKrw, Krw(1_350_000m)),
        ]);

        posting.Lines.Count.ShouldBe(4);
    }

    [Fact]
    public void Create_Unbalanced_IsRefused() =>
        Should.Throw<LedgerException>(() => Posting.Create("k", "x", Now, [PostingEntry.Debit(WalletUsd, Usd(10m)), PostingEntry.Credit(EscrowUsd, Usd(9.99m))]));

    [Fact]
    public void Create_BalancedOnlyAcrossCurrencies_IsRefused() =>
        Should.Throw<LedgerException>(() => Posting.Create("k", "x", Now,
            [PostingEntry.Debit(EscrowUsd, Usd(1000m)), PostingEntry.Credit(SupplierKrw, Krw(1000m)), PostingEntry.Debit(FxKrw, Krw(1000m)), PostingEntry.Credit(FxUsd, Usd(999m))]));

    [Fact]
    public void Create_AmountInAnotherCurrencyThanTheAccount_IsRefused() =>
        Should.Throw<LedgerException>(() => Posting.Create("k", "x", Now, [PostingEntry.Debit(WalletUsd, Krw(10m)), PostingEntry.Credit(SupplierKrw, Krw(10m))]));

    [Fact]
    public void Create_UnroundedAmount_IsRefused() =>
        Should.Throw<LedgerException>(() => Posting.Create("k", "x", Now, [PostingEntry.Debit(WalletUsd, Usd(10.005m)), PostingEntry.Credit(EscrowUsd, Usd(10.005m))]));

    [Fact]
    public void Create_ZeroLineOrSingleLine_IsRefused()
    {
        Should.Throw<LedgerException>(() => Posting.Create("k", "x", Now, [PostingEntry.Debit(WalletUsd, Usd(0m)), PostingEntry.Credit(EscrowUsd, Usd(0m))]));
        Should.Throw<LedgerException>(() => Posting.Create("k", "x", Now, [PostingEntry.Debit(WalletUsd, Usd(1m))]));
    }

    [Fact]
    public void Reverse_NegatesEveryLineAndPointsBack()
    {
        var posting = Posting.Create("k", "secure", Now, [PostingEntry.Debit(WalletUsd, Usd(10m)), PostingEntry.Credit(EscrowUsd, Usd(10m))]);

        var reversal = posting.Reverse("k-reversal", "correction", Now);

        reversal.Reverses.ShouldBe(posting.Id);
        reversal.Lines.Select(l => (l.AccountId, l.Amount)).ShouldBe(posting.Lines.Select(l => (l.AccountId, -l.Amount)));
    }

    [Fact]
    public void BalanceFrom_CreditNormalWallet_IsCreditsMinusDebits() =>
        WalletUsd.BalanceFrom(-25m).ShouldBe(Usd(25m));
}
