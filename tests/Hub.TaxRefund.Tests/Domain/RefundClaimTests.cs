using Hub.TaxRefund.Domain;

namespace Hub.TaxRefund.Tests.Domain;

public sealed class RefundClaimTests
{
    private static readonly DateTime At = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    private static RefundClaim NewClaim() => new("KR-R-000001", "KR-O-000001", "KR", "KR-D-000001", new DateOnly(2026, 11, 20), At);

    [Fact]
    public void Absorb_DepartureAndPaymentInAnyOrder_BecomesReady()
    {
        var evidence = new OrderEvidence("KR-O-000001");
        var claim = NewClaim();

        evidence.RecordPayment("KR-C-000001", At);
        claim.Absorb(evidence);
        claim.State.ShouldBe(ClaimState.Open);
        claim.SupplierCompany.ShouldBe("KR-C-000001");

        evidence.RecordDeparture("MB-1", At);
        claim.Absorb(evidence).ShouldBeTrue();
        claim.State.ShouldBe(ClaimState.Ready);
        claim.Absorb(evidence).ShouldBeFalse();
    }

    [Fact]
    public void RecordDeparture_Twice_FirstWins()
    {
        var evidence = new OrderEvidence("KR-O-000001");
        evidence.RecordDeparture("MB-1", At);
        evidence.RecordDeparture("MB-2", At.AddDays(1));

        evidence.MasterBill.ShouldBe("MB-1");
        evidence.DepartedAt.ShouldBe(At);
    }

    [Fact]
    public void File_OpenClaim_Refused() =>
        Should.Throw<TaxRefundException>(() => NewClaim().File("KRW", 1, 1, 0, "rule", "u", At)).Kind.ShouldBe(TaxRefundErrorKind.Conflict);

    [Fact]
    public void Lifecycle_ReadyFiledApprovedPaid_GuardsEveryStep()
    {
        var claim = NewClaim();
        var evidence = new OrderEvidence(claim.OrderId);
        evidence.RecordDeparture("MB-1", At);
        evidence.RecordPayment("KR-C-000001", At);
        claim.Absorb(evidence);

        Should.Throw<TaxRefundException>(() => claim.Approve("op", At));
        claim.File("KRW", 1_000_000m, 100_000m, 0m, RefundCalculator.Rule, "user-1", At);
        Should.Throw<TaxRefundException>(() => claim.MarkPaid("p", At));
        claim.Approve("op", At);
        Should.Throw<TaxRefundException>(() => claim.Reject("late", "op", At));
        claim.MarkPaid("posting-1", At);

        claim.State.ShouldBe(ClaimState.Paid);
        Should.Throw<TaxRefundException>(() => claim.MarkPaid("posting-2", At));
        claim.PayoutPostingId.ShouldBe("posting-1");
    }

    [Fact]
    public void Reject_WithoutReason_RefusedAndStaysFiled()
    {
        var claim = NewClaim();
        var evidence = new OrderEvidence(claim.OrderId);
        evidence.RecordDeparture("MB-1", At);
        evidence.RecordPayment("KR-C-000001", At);
        claim.Absorb(evidence);
        claim.File("KRW", 1m, 0m, 0m, RefundCalculator.Rule, "user-1", At);

        Should.Throw<TaxRefundException>(() => claim.Reject(" ", "op", At)).Field.ShouldBe("reason");
        claim.State.ShouldBe(ClaimState.Filed);
    }
}
