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
        consignment.GoOutForDelivery();
        consignment.Deliver(DateTime.UtcNow);

        consignment.Status.ShouldBe(ConsignmentStatus.Delivered);
        consignment.DeliveredAt.ShouldNotBeNull();
    }

    [Fact]
    public void Transitions_OutOfOrder_AreRefused()
    {
        var consignment = Booked();

        Should.Throw<IllegalTransitionException>(consignment.Arrive);
        Should.Throw<IllegalTransitionException>(() => consignment.Deliver(DateTime.UtcNow));
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
