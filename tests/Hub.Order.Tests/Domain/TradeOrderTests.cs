using Hub.Order.Domain;

namespace Hub.Order.Tests.Domain;

public class TradeOrderTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    internal static TradeOrder NewOrder(string id = "KR-O-000001") => new(
        new OrderPlacement(id, Guid.NewGuid(), "KR-C-000001", "KR", "CN-C-000002", "CN-S-000003", "CN", "FOB", "Shanghai port", "KR", "SEA",
            "CNY", "KRW", 1_000_000, "quote-1", T0.AddMinutes(15), 5000, "KRW", 80_000, "KRW"),
        [new OrderLine("CN-P-000001", 10, 1250, "CNY", 2), new OrderLine("CN-P-000002", 4, 300, "CNY", 1)],
        T0,
        "test");

    // The happy path's states, in order (a dispute is a turn off it).
    private static readonly OrderStatus[] HappyPath =
    [
        OrderStatus.Placed, OrderStatus.PaymentSecured, OrderStatus.ExportCleared, OrderStatus.Booked, OrderStatus.Departed,
        OrderStatus.ImportCleared, OrderStatus.Delivered, OrderStatus.ReceiptConfirmed, OrderStatus.Completed,
    ];

    // Drives a fresh order to the given state along the happy path, or to Disputed from Delivered.
    internal static TradeOrder OrderIn(OrderStatus status)
    {
        var order = NewOrder();
        var target = status == OrderStatus.Disputed ? OrderStatus.Delivered : status;
        foreach (var step in HappyPath.Skip(1).TakeWhile(s => s <= target))
        {
            Apply(order, step).ShouldBeTrue();
        }

        if (status == OrderStatus.Disputed)
        {
            order.Dispute("cartons crushed", T0, "KR", "buyer");
        }

        order.Status.ShouldBe(status);
        return order;
    }

    public static TheoryData<OrderStatus> HappyStates => [.. HappyPath];

    [Fact]
    public void New_PlacedWithTotalsAndTimeline()
    {
        var order = NewOrder();

        order.Status.ShouldBe(OrderStatus.Placed);
        order.GoodsTotalMinor.ShouldBe((10 * 1250) + (4 * 300));
        order.Timeline.ShouldHaveSingleItem().Step.ShouldBe("Placed");
        order.Timeline[0].Hub.ShouldBe("KR");
    }

    [Fact]
    public void New_LineInAnotherCurrency_Throws() =>
        Should.Throw<OrderRuleException>(() => new TradeOrder(
            new OrderPlacement("KR-O-000002", Guid.NewGuid(), "KR-C-000001", "KR", "CN-C-000002", "CN-S-000003", "CN", "FOB", "x", "KR", "SEA",
                "CNY", "KRW", 1, "q", T0, 0, "KRW", 0, "KRW"),
            [new OrderLine("CN-P-000001", 1, 1, "USD", 1)], T0, "test"));

    [Fact]
    public void New_NoLines_Throws() =>
        Should.Throw<OrderRuleException>(() => new TradeOrder(
            new OrderPlacement("KR-O-000002", Guid.NewGuid(), "KR-C-000001", "KR", "CN-C-000002", "CN-S-000003", "CN", "FOB", "x", "KR", "SEA",
                "CNY", "KRW", 1, "q", T0, 0, "KRW", 0, "KRW"),
            [], T0, "test"));

    [Fact]
    public void HappyPath_EveryStepRecordedInOrder()
    {
        var order = OrderIn(OrderStatus.Completed);

        order.Timeline.Select(t => t.Step).ShouldBe(
            ["Placed", "PaymentSecured", "ExportCleared", "Booked", "Departed", "ImportCleared", "Delivered", "ReceiptConfirmed", "Completed"]);
        order.Timeline.Select(t => t.Sequence).ShouldBe(Enumerable.Range(1, 9));
        order.ConsignmentId.ShouldBe("CN-K-000001");
        order.ExportDeclarationId.ShouldBe("EX-1");
        order.ImportDeclarationId.ShouldBe("IM-1");
        order.DutiesMinor.ShouldBe(9000);
        order.IsTerminal.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(HappyStates))]
    public void RepeatedStep_ChangesNothing(OrderStatus status)
    {
        if (status == OrderStatus.Placed)
        {
            return;
        }

        var order = OrderIn(status);
        var steps = order.Timeline.Count;

        Apply(order, status).ShouldBeFalse();

        order.Status.ShouldBe(status);
        order.Timeline.Count.ShouldBe(steps);
    }

    [Theory]
    [InlineData(OrderStatus.Placed, OrderStatus.ExportCleared)]
    [InlineData(OrderStatus.Placed, OrderStatus.Delivered)]
    [InlineData(OrderStatus.PaymentSecured, OrderStatus.Booked)]
    [InlineData(OrderStatus.ExportCleared, OrderStatus.Departed)]
    [InlineData(OrderStatus.Booked, OrderStatus.ImportCleared)]
    [InlineData(OrderStatus.Departed, OrderStatus.Delivered)]
    [InlineData(OrderStatus.ImportCleared, OrderStatus.ReceiptConfirmed)]
    [InlineData(OrderStatus.PaymentSecured, OrderStatus.Completed)]
    public void SkippedStep_Throws(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);

        Should.Throw<OrderRuleException>(() => Apply(order, to));
        order.Status.ShouldBe(from);
    }

    [Theory]
    [InlineData(OrderStatus.ExportCleared, OrderStatus.PaymentSecured)]
    [InlineData(OrderStatus.Delivered, OrderStatus.Booked)]
    [InlineData(OrderStatus.Completed, OrderStatus.Placed + 1)]
    public void StaleStep_ChangesNothing(OrderStatus from, OrderStatus stale)
    {
        var order = OrderIn(from);

        Apply(order, stale).ShouldBeFalse();
        order.Status.ShouldBe(from);
    }

    [Fact]
    public void Complete_FromDelivered_EscrowReleasedBeforeConfirmation()
    {
        var order = OrderIn(OrderStatus.Delivered);

        order.Complete(T0, "KR", "auto").ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Completed);
    }

    [Theory]
    [InlineData(OrderStatus.ImportCleared)]
    [InlineData(OrderStatus.ReceiptConfirmed)]
    [InlineData(OrderStatus.Completed)]
    public void Dispute_OutsideDelivered_Throws(OrderStatus from)
    {
        var order = OrderIn(from);
        var steps = order.Timeline.Count;

        Should.Throw<OrderRuleException>(() => order.Dispute("late", T0, "KR", "buyer")).Message.ShouldContain("delivered");
        order.Status.ShouldBe(from);
        order.Timeline.Count.ShouldBe(steps);
    }

    [Fact]
    public void Dispute_Delivered_WaitsWithoutDeadline_RefusesReceipt_AndIsRefundedOrCompleted()
    {
        var order = OrderIn(OrderStatus.Delivered);
        order.Expect(T0.AddDays(7));

        order.Dispute("cartons crushed", T0, "KR", "buyer").ShouldBeTrue();
        order.Dispute("again", T0, "KR", "buyer").ShouldBeFalse();

        order.Status.ShouldBe(OrderStatus.Disputed);
        order.DueBy.ShouldBeNull();
        order.Expect(T0.AddDays(30));
        order.DueBy.ShouldBeNull("no configured timeout fails a disputed order behind the operators' back");
        order.Timeline[^1].Detail.ShouldBe("cartons crushed");
        Should.Throw<OrderRuleException>(() => order.ConfirmReceipt(true, T0, "KR", "timeout")).Message.ShouldContain("disputed");
        order.Deliver(T0, "KR", "duplicate").ShouldBeFalse();
        order.Status.ShouldBe(OrderStatus.Disputed);

        var refunded = OrderIn(OrderStatus.Disputed);
        refunded.Refund("Refund decided", T0, "KR", "decision").ShouldBeTrue();
        refunded.Refund("Refund decided", T0, "KR", "decision").ShouldBeFalse();
        refunded.Status.ShouldBe(OrderStatus.Refunded);
        refunded.IsTerminal.ShouldBeTrue();
        refunded.Complete(T0, "KR", "late release").ShouldBeFalse();
        refunded.Status.ShouldBe(OrderStatus.Refunded);

        order.Complete(T0, "KR", "released by decision").ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Completed);
        Should.Throw<OrderRuleException>(() => order.Refund("x", T0, "KR", "decision"));
    }

    [Fact]
    public void DisputeOpenedOnTheWay_IsRecordedWithoutChangingTheState_UntilDecided()
    {
        var order = OrderIn(OrderStatus.Departed);

        order.HasOpenDispute.ShouldBeFalse();
        order.NoteDisputeOpened("nothing heard from the supplier", T0, "KR", "DisputeOpened 1");

        order.HasOpenDispute.ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Departed);
        order.Timeline[^1].Step.ShouldBe("DisputeOpened");

        order.NoteDisputeResolved("Release decided", T0, "KR", "DisputeResolved 1");
        order.HasOpenDispute.ShouldBeFalse("a decided dispute no longer stops the receipt");
    }

    [Theory]
    [InlineData(OrderStatus.Placed, OrderStatus.ExportCleared, true, false)]
    [InlineData(OrderStatus.PaymentSecured, OrderStatus.Booked, false, true)]
    [InlineData(OrderStatus.ExportCleared, OrderStatus.Booked, false, true)]
    public void LateStepUndo_OfAnOrderThatEndedWithoutTheStep_WithdrawsIt(OrderStatus failedIn, OrderStatus step, bool withdrawExport, bool withdrawConsignment)
    {
        var order = OrderIn(failedIn);
        order.LateStepUndo(step).ShouldBeNull("an order under way takes the step itself");

        order.Fail("timed out", T0, "KR", "sweeper");

        order.LateStepUndo(step).ShouldBe(new Compensation(ReleaseStock: false, RefundEscrow: false, WithdrawExport: withdrawExport, WithdrawConsignment: withdrawConsignment));
    }

    [Theory]
    [InlineData(OrderStatus.ExportCleared, OrderStatus.ExportCleared)]
    [InlineData(OrderStatus.Booked, OrderStatus.Booked)]
    [InlineData(OrderStatus.Departed, OrderStatus.ExportCleared)]
    public void LateStepUndo_OfAStepTheOrderTook_IsNothing(OrderStatus failedIn, OrderStatus step)
    {
        var order = OrderIn(failedIn);

        order.Fail("import declaration rejected", T0, "KR", "event");

        order.LateStepUndo(step).ShouldBeNull();
    }

    [Theory]
    [InlineData(OrderStatus.Placed, true, true, false, false)]
    [InlineData(OrderStatus.PaymentSecured, true, true, true, true)]
    public void Cancel_BeforeExportClearance_CompensatesWhatIsHeld(OrderStatus from, bool releaseStock, bool refund, bool withdrawExport, bool withdrawConsignment)
    {
        var order = OrderIn(from);

        var compensation = order.Cancel("buyer-1", T0, "KR", "request");

        compensation.ShouldBe(new Compensation(releaseStock, refund, withdrawExport, WithdrawConsignment: withdrawConsignment));
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Timeline[^1].Step.ShouldBe("Cancelled");
        order.Cancel("buyer-1", T0, "KR", "again").ShouldBe(Compensation.None);
    }

    [Theory]
    [InlineData(OrderStatus.ExportCleared)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Completed)]
    public void Cancel_AfterExportClearance_Throws(OrderStatus from)
    {
        var order = OrderIn(from);

        Should.Throw<OrderRuleException>(() => order.Cancel("buyer-1", T0, "KR", "request"));
        order.Status.ShouldBe(from);
    }

    [Theory]
    [InlineData(OrderStatus.Placed, true, true, false, false, false)]
    [InlineData(OrderStatus.PaymentSecured, true, true, true, false, true)]
    [InlineData(OrderStatus.ExportCleared, true, true, true, false, true)]
    [InlineData(OrderStatus.Booked, true, true, true, true, true)]
    [InlineData(OrderStatus.Departed, false, true, false, true, false)]
    [InlineData(OrderStatus.ReceiptConfirmed, false, true, false, false, false)]
    public void Fail_RecordsReasonAndCompensation(OrderStatus from, bool releaseStock, bool refund, bool withdrawExport, bool withdrawImport, bool withdrawConsignment)
    {
        var order = OrderIn(from);
        order.Expect(T0.AddHours(1));

        var compensation = order.Fail("import declaration rejected", T0, "KR", "event");

        compensation.ShouldBe(new Compensation(releaseStock, refund, withdrawExport, withdrawImport, withdrawConsignment));
        order.Status.ShouldBe(OrderStatus.Failed);
        order.FailureReason.ShouldBe("import declaration rejected");
        order.DueBy.ShouldBeNull();
        order.Fail("again", T0, "KR", "event").ShouldBe(Compensation.None);
        order.FailureReason.ShouldBe("import declaration rejected");
    }

    [Fact]
    public void Fail_ReasonLongerThanKept_IsCutToFit()
    {
        var order = OrderIn(OrderStatus.Departed);
        var reason = "import declaration rejected: " + new string('x', 3000);

        order.Fail(reason, T0, "KR", "event");

        order.FailureReason!.Length.ShouldBe(TradeOrder.MaxTextLength);
        order.FailureReason.ShouldStartWith("import declaration rejected: xxx");
        order.FailureReason.ShouldEndWith("…");
        order.Timeline[^1].Detail.ShouldBe(order.FailureReason);
    }

    [Fact]
    public void Fail_Completed_Throws() =>
        Should.Throw<OrderRuleException>(() => OrderIn(OrderStatus.Completed).Fail("late", T0, "KR", "event"));

    [Fact]
    public void Steps_AfterFailure_ChangeNothing()
    {
        var order = OrderIn(OrderStatus.Placed);
        order.Fail("payment failed", T0, "KR", "event");

        order.SecurePayment(T0, "KR", "late").ShouldBeFalse();
        order.Status.ShouldBe(OrderStatus.Failed);
    }

    [Fact]
    public void Expect_TerminalOrder_HasNoDeadline()
    {
        var order = OrderIn(OrderStatus.Completed);

        order.Expect(T0.AddDays(1));

        order.DueBy.ShouldBeNull();
    }

    [Fact]
    public void Transition_ClearsThePendingDeadline()
    {
        var order = NewOrder();
        order.Expect(T0.AddMinutes(15));

        order.SecurePayment(T0, "KR", "e1");

        order.DueBy.ShouldBeNull();
    }

    [Fact]
    public void Purchase_SecondOrderForSameSupplier_Throws()
    {
        var purchaseId = Guid.NewGuid();
        var purchase = new Purchase(purchaseId, "KR-C-000001", "key-1", "hash", T0);
        TradeOrder Order(string id) => new(
            new OrderPlacement(id, purchaseId, "KR-C-000001", "KR", "CN-C-000002", "CN-S-000003", "CN", "FOB", "x", "KR", "SEA", "CNY", "KRW", 1, "q", T0, 0, "KRW", 0, "KRW"),
            [new OrderLine("CN-P-000001", 1, 1, "CNY", 1)], T0, "test");
        purchase.Add(Order("KR-O-000010"));

        Should.Throw<OrderRuleException>(() => purchase.Add(Order("KR-O-000011")));
        purchase.Orders.Count.ShouldBe(1);
    }

    private static bool Apply(TradeOrder order, OrderStatus to) => to switch
    {
        OrderStatus.PaymentSecured => order.SecurePayment(T0, "KR", "x"),
        OrderStatus.ExportCleared => order.ClearExport("EX-1", T0, "CN", "x"),
        OrderStatus.Booked => order.Book("CN-K-000001", T0, "CN", "x"),
        OrderStatus.Departed => order.Depart(T0, "CN", "x"),
        OrderStatus.ImportCleared => order.ClearImport("IM-1", 9000, "KRW", T0, "KR", "x"),
        OrderStatus.Delivered => order.Deliver(T0, "KR", "x"),
        OrderStatus.ReceiptConfirmed => order.ConfirmReceipt(false, T0, "KR", "x"),
        OrderStatus.Completed => order.Complete(T0, "KR", "x"),
        OrderStatus.Disputed => order.Dispute("x", T0, "KR", "x"),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };
}
