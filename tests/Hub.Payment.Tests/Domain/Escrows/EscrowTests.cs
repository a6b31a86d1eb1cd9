using Hub.Contracts.Values;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Escrows;
using Hub.Payment.Domain.Terms;

namespace Hub.Payment.Tests.Domain.Escrows;

public sealed class EscrowTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static readonly PayeeScreening Clear = new(false, 0.41, null, 3);

    private static Escrow Escrow() => Payment.Domain.Escrows.Escrow.Secure(OrderId.Parse("KR-O-000001"), CompanyId.Parse("KR-C-000001"), CompanyId.Parse("KR-C-000002"),
        "Hanul Trading Co., Ltd.", new Money(1005.40m, CurrencyCode.USD), new Money(1_350_000m, CurrencyCode.KRW), Guid.NewGuid(), 200, Now, autoReleaseDays: 14,
        new LateShipmentRule(ShipWithinDays: 10, BpsPerDay: 50, CapBps: 300), protectionDays: 30);

    [Fact]
    public void ReleaseClock_StartsAtDelivery_NeverBeforeTheBuyersOwnConfirmationTime_AndOnlyOnce()
    {
        var secured = Escrow();
        secured.ReleaseDueAt.ShouldBeNull();
        var delivered = Now.AddDays(20);

        secured.StartReleaseClock(confirmBy: delivered.AddDays(7), delivered).ShouldBeTrue();
        secured.ReleaseDueAt.ShouldBe(delivered.AddDays(14));
        secured.StartReleaseClock(confirmBy: delivered.AddDays(30), delivered.AddDays(1)).ShouldBeFalse();
        secured.ReleaseDueAt.ShouldBe(delivered.AddDays(14));

        var buyerHasLonger = Escrow();
        buyerHasLonger.StartReleaseClock(confirmBy: delivered.AddDays(21), delivered).ShouldBeTrue();
        buyerHasLonger.ReleaseDueAt.ShouldBe(delivered.AddDays(21));

        var refunded = Escrow();
        refunded.Refund(refunded.Paid);
        refunded.StartReleaseClock(delivered.AddDays(7), delivered).ShouldBeFalse();
        refunded.ReleaseDueAt.ShouldBeNull();
    }

    [Fact]
    public void Departure_OnTime_EarnsNothing_LateEarnsItsDaysBasisPoints_UpToTheCap_AndOnlyTheFirstCounts()
    {
        var onTime = Escrow();
        onTime.ShipBy.ShouldBe(Now.AddDays(10));
        onTime.RecordDeparture(Now.AddDays(10)).ShouldBe(new LateDeparture(0, Money.Zero(CurrencyCode.USD)));
        onTime.DepartedAt.ShouldBe(Now.AddDays(10));
        onTime.RecordDeparture(Now.AddDays(30)).ShouldBeNull("a later departure (a split consignment's next shipment) does not count");

        // Two days and an hour late count as three: 150 bps of USD 1,005.40 is USD 15.081, rounded down.
        Escrow().RecordDeparture(Now.AddDays(12).AddHours(1)).ShouldBe(new LateDeparture(3, new Money(15.08m, CurrencyCode.USD)));
        // Ten days would be 500 bps: the cap is 300.
        Escrow().RecordDeparture(Now.AddDays(20)).ShouldBe(new LateDeparture(10, new Money(30.16m, CurrencyCode.USD)));
    }

    [Fact]
    public void Departure_OfFundsNoLongerHeld_OrWhoseCompensationWouldEmptyTheEscrow_EarnsNothing()
    {
        var refunded = Escrow();
        refunded.Refund(refunded.Paid);
        refunded.RecordDeparture(Now.AddDays(20)).ShouldBeNull();
        refunded.DepartedAt.ShouldBeNull();

        var mostlyRefunded = Escrow();
        mostlyRefunded.Refund(new Money(980m, CurrencyCode.USD));
        mostlyRefunded.RecordDeparture(Now.AddDays(20)).ShouldBe(new LateDeparture(10, Money.Zero(CurrencyCode.USD)));
    }

    [Fact]
    public void DisputeAfterRelease_IsOpenUntilTheProtectionWindowEnds_AndItsRefundsAreCappedAtWhatWasReleased()
    {
        var escrow = Escrow();
        escrow.RecordPayeeScreening(Clear, Now);
        var released = Now.AddDays(20);
        escrow.Release(new Money(1_350_000m, CurrencyCode.KRW), new Money(27_000m, CurrencyCode.KRW), false, released);

        escrow.ProtectedUntil.ShouldBe(released.AddDays(30));
        escrow.AcceptDispute(released.AddDays(30));
        escrow.UnderDispute.ShouldBeFalse("released funds are not frozen");
        Should.Throw<PaymentException>(() => escrow.AcceptDispute(released.AddDays(30).AddSeconds(1))).Reason.ShouldBe("protection-ended");
        Should.Throw<PaymentException>(() => escrow.RefundAfterRelease(new Money(1005.41m, CurrencyCode.USD))).Reason.ShouldBe("refund-exceeds-paid");
        escrow.RefundAfterRelease(new Money(400m, CurrencyCode.USD));
        escrow.RefundAfterRelease(new Money(605.40m, CurrencyCode.USD));
        escrow.Remaining.Amount.ShouldBe(0);
        escrow.Status.ShouldBe(EscrowStatus.Released);
        Should.Throw<PaymentException>(() => escrow.AcceptDispute(released.AddDays(1))).Reason.ShouldBe("protection-ended", "nothing is left to give back");

        var held = Escrow();
        Should.Throw<PaymentException>(() => held.RefundAfterRelease(new Money(1m, CurrencyCode.USD))).Reason.ShouldBe("escrow-secured");
        held.AcceptDispute(Now);
        held.UnderDispute.ShouldBeTrue("held funds are frozen");
    }

    [Theory]
    [InlineData(0, 50, 500, "shipWithinDays")]
    [InlineData(366, 50, 500, "shipWithinDays")]
    [InlineData(15, -1, 500, "lateShipmentBpsPerDay")]
    [InlineData(15, 1_001, 500, "lateShipmentBpsPerDay")]
    [InlineData(15, 50, 5_001, "lateShipmentCapBps")]
    public void LateShipmentRule_OutOfRange_IsRefusedNamingTheField(int days, int bpsPerDay, int capBps, string field) =>
        Should.Throw<PaymentException>(() => LateShipmentRule.Of(days, bpsPerDay, capBps)).Field.ShouldBe(field);

    [Fact]
    public void Refund_MoreThanRemains_IsRefusedAndChangesNothing()
    {
        var escrow = Escrow();
        escrow.Refund(new Money(500m, CurrencyCode.USD));

        Should.Throw<PaymentException>(() => escrow.Refund(new Money(505.41m, CurrencyCode.USD))).Reason.ShouldBe("refund-exceeds-paid");
        escrow.Refunded.ShouldBe(new Money(500m, CurrencyCode.USD));
        escrow.Status.ShouldBe(EscrowStatus.Secured);
    }

    [Fact]
    public void Refund_EverythingThatRemains_MarksTheEscrowRefunded()
    {
        var escrow = Escrow();
        escrow.Refund(new Money(5.40m, CurrencyCode.USD));
        escrow.Refund(new Money(1000m, CurrencyCode.USD));

        escrow.Status.ShouldBe(EscrowStatus.Refunded);
        Should.Throw<PaymentException>(() => escrow.Release(new Money(1m, CurrencyCode.KRW), new Money(0m, CurrencyCode.KRW), false, Now));
    }

    [Fact]
    public void SettlementForRemaining_AfterPartialRefund_IsTheSameShareRoundedDown()
    {
        var escrow = Escrow();
        escrow.Refund(new Money(502.70m, CurrencyCode.USD));

        escrow.SettlementForRemaining().ShouldBe(new Money(675_000m, CurrencyCode.KRW));
        Escrow().SettlementForRemaining().ShouldBe(new Money(1_350_000m, CurrencyCode.KRW));
    }

    [Fact]
    public void Refund_AfterRelease_IsRefused()
    {
        var escrow = Escrow();
        escrow.RecordPayeeScreening(Clear, Now);
        escrow.Release(new Money(1_350_000m, CurrencyCode.KRW), new Money(27_000m, CurrencyCode.KRW), false, Now);

        Should.Throw<PaymentException>(() => escrow.Refund(new Money(1m, CurrencyCode.USD))).Reason.ShouldBe("escrow-released");
    }

    [Fact]
    public void Release_PayeeNeverScreened_IsRefused()
    {
        var escrow = Escrow();

        Should.Throw<PaymentException>(() => escrow.Release(new Money(1_350_000m, CurrencyCode.KRW), new Money(27_000m, CurrencyCode.KRW), false, Now))
            .Reason.ShouldBe("payee-held");
        escrow.Status.ShouldBe(EscrowStatus.Secured);
        escrow.Payee.ShouldBe("Hanul Trading Co., Ltd.");
    }

    [Fact]
    public void PayeeScreening_Hit_HoldsTheReleaseUntilTheOperatorsClearIt()
    {
        var escrow = Escrow();

        escrow.RecordPayeeScreening(new PayeeScreening(true, 0.9421, "HANUL TRADING", 3), Now).ShouldBeTrue();

        escrow.PayeeHeld.ShouldBeTrue();
        escrow.NeedsPayeeScreening.ShouldBeFalse();
        (escrow.PayeeScore, escrow.PayeeListVersion, escrow.PayeeMatchedName).ShouldBe((0.9421, 3, "HANUL TRADING"));
        Should.Throw<PaymentException>(() => escrow.Release(new Money(1_350_000m, CurrencyCode.KRW), new Money(27_000m, CurrencyCode.KRW), false, Now))
            .Reason.ShouldBe("payee-held");

        escrow.DecidePayee(PayeeDecision.Release, "kr-operator", "a namesake, registry checked", Now.AddHours(2)).ShouldBeTrue();
        escrow.DecidePayee(PayeeDecision.Release, "kr-operator", "again", Now.AddHours(3)).ShouldBeFalse();
        Should.Throw<PaymentException>(() => escrow.DecidePayee(PayeeDecision.Refund, "kr-operator", "changed my mind", Now.AddHours(3))).Reason.ShouldBe("payee-decided");

        escrow.PayeeHeld.ShouldBeFalse();
        escrow.PayeeDecisionNote.ShouldBe("a namesake, registry checked");
        escrow.Release(new Money(1_350_000m, CurrencyCode.KRW), new Money(27_000m, CurrencyCode.KRW), false, Now.AddHours(2));
        escrow.Status.ShouldBe(EscrowStatus.Released);
    }

    [Fact]
    public void DecidePayee_NothingHeld_IsRefused()
    {
        var escrow = Escrow();
        escrow.RecordPayeeScreening(Clear, Now).ShouldBeFalse();

        Should.Throw<PaymentException>(() => escrow.DecidePayee(PayeeDecision.Release, "kr-operator", "why not", Now)).Reason.ShouldBe("payee-not-held");
        escrow.PayeeHeld.ShouldBeFalse();
    }

    [Fact]
    public void PayDuties_LessThanRemains_IsTakenOnce_AndTheSupplierShareAndRefundsShrink()
    {
        var escrow = Escrow();
        var duties = new Money(201.08m, CurrencyCode.USD);

        escrow.PayDuties(duties).ShouldBe(duties);
        escrow.PayDuties(duties).ShouldBe(Money.Zero(CurrencyCode.USD));

        escrow.DutiesPaid.ShouldBe(duties);
        escrow.Remaining.ShouldBe(new Money(804.32m, CurrencyCode.USD));
        escrow.SettlementForRemaining().ShouldBe(new Money(1_080_000m, CurrencyCode.KRW));
        Should.Throw<PaymentException>(() => escrow.Refund(new Money(804.33m, CurrencyCode.USD))).Reason.ShouldBe("refund-exceeds-paid");
        escrow.Refund(escrow.Remaining);
        escrow.Status.ShouldBe(EscrowStatus.Refunded);
        escrow.Refunded.ShouldBe(new Money(804.32m, CurrencyCode.USD));
    }

    [Fact]
    public void PayDuties_NotLessThanRemains_OrNotHeld_OrInAnotherCurrency_TakesNothing()
    {
        var escrow = Escrow();
        escrow.Refund(new Money(1000m, CurrencyCode.USD));
        escrow.PayDuties(new Money(5.40m, CurrencyCode.USD)).ShouldBe(Money.Zero(CurrencyCode.USD));
        escrow.Remaining.ShouldBe(new Money(5.40m, CurrencyCode.USD));

        var refunded = Escrow();
        refunded.Refund(refunded.Paid);
        refunded.PayDuties(new Money(1m, CurrencyCode.USD)).ShouldBe(Money.Zero(CurrencyCode.USD));
        refunded.DutiesPaid.ShouldBe(Money.Zero(CurrencyCode.USD));

        Should.Throw<PaymentException>(() => Escrow().PayDuties(new Money(1_000m, CurrencyCode.KRW)));
    }
}
