using Hub.Contracts.Values;
using Hub.Logistics.Domain;
using Hub.Logistics.Domain.Consignments;

namespace Hub.Logistics.Tests.Domain.Consignments;

public sealed class ConsignmentTests
{
    private static Consignment Booked() => Consignment.Book(
        new ConsignmentId(HubId.KR, 1), OrderId.Parse("CN-O-000001"), CompanyId.Parse("KR-C-000001"), Guid.NewGuid(),
        [new Carton(50, 40, 30, 8)], 0.06m, DateTime.UtcNow);

    [Fact]
    public void Lifecycle_InOrder_ReachesDelivered()
    {
        var consignment = Booked();

        consignment.Load("HB-1");
        consignment.Depart().ShouldBeTrue();
        consignment.Depart().ShouldBeFalse();
        consignment.Arrive();
        var arrivedAt = DateTime.UtcNow;
        consignment.GoOutForDelivery(arrivedAt.AddHours(1), arrivedAt);
        consignment.Deliver(arrivedAt.AddHours(5), arrivedAt.AddHours(1));

        consignment.Status.ShouldBe(ConsignmentStatus.Delivered);
        consignment.DeliveredAt.ShouldBe(arrivedAt.AddHours(5));
    }

    [Fact]
    public void Milestones_BeforeTheOneTheyFollow_AreRefusedAndChangeNothing()
    {
        var consignment = Booked();
        consignment.Load("HB-1");
        consignment.Depart();
        consignment.Arrive();
        var arrivedAt = new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

        Should.Throw<MilestoneOutOfOrderException>(() => consignment.GoOutForDelivery(arrivedAt.AddSeconds(-1), arrivedAt)).Message.ShouldContain(consignment.Reference);
        consignment.Status.ShouldBe(ConsignmentStatus.Arrived);
        consignment.GoOutForDelivery(arrivedAt, arrivedAt);
        Should.Throw<MilestoneOutOfOrderException>(() => consignment.Deliver(DateTime.MinValue, arrivedAt));
        consignment.Status.ShouldBe(ConsignmentStatus.OutForDelivery);
        consignment.DeliveredAt.ShouldBeNull();
    }

    [Fact]
    public void Transitions_OutOfOrder_AreRefused()
    {
        var consignment = Booked();

        Should.Throw<IllegalTransitionException>(consignment.Arrive);
        Should.Throw<IllegalTransitionException>(() => consignment.Deliver(DateTime.UtcNow, DateTime.UtcNow));
        Should.Throw<IllegalTransitionException>(() => consignment.Depart());
        consignment.Flag("too heavy");
        Should.Throw<IllegalTransitionException>(() => consignment.Load("HB-1"));
        consignment.Status.ShouldBe(ConsignmentStatus.Flagged);
    }

    [Fact]
    public void ChargeFreight_FromTwoShipments_AddsUpInOneCurrency()
    {
        var consignment = Booked();

        consignment.ChargeFreight(new Money(100m, CurrencyCode.KRW));
        consignment.ChargeFreight(new Money(50m, CurrencyCode.KRW));

        consignment.FreightAmount.ShouldBe(150m);
        Should.Throw<InvalidOperationException>(() => consignment.ChargeFreight(new Money(1m, CurrencyCode.CNY)));
    }
}
