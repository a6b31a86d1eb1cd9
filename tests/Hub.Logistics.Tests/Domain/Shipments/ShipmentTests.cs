using Hub.Contracts.Values;
using Hub.Logistics.Domain;
using Hub.Logistics.Domain.Shipments;

namespace Hub.Logistics.Tests.Domain.Shipments;

public sealed class ShipmentTests
{
    [Fact]
    public void Book_AllocatesTheBillByChargeableWeightSoItSumsExactly()
    {
        ShipmentItem[] items = [new(1, "KR-C-000001", "CN-O-000001", 3, 1.5m), new(2, "KR-C-000002", "CN-O-000002", 1, 0.5m), new(3, "KR-C-000003", "CN-O-000003", 2, 1m)];

        var shipment = Shipment.Book(Guid.NewGuid(), Guid.NewGuid(), 1, "20GP", "MB-1", new Money(1_000m, CurrencyCode.KRW), items);

        // 1,000 × 1.5/3, 0.5/3, 1/3 = 500, 166.67, 333.33 → 500, 167, 333 (the larger remainder takes the leftover won).
        shipment.Items.Select(i => i.FreightAmount).ShouldBe([500m, 167m, 333m]);
        shipment.Items.Sum(i => i.FreightAmount).ShouldBe(shipment.FreightAmount);
    }

    [Fact]
    public void Tracking_MustDepartBeforeArriving_AndOnlyOnce()
    {
        var shipment = Shipment.Book(Guid.NewGuid(), Guid.NewGuid(), 1, "20GP", "MB-1", new Money(10m, CurrencyCode.USD), [new(1, "KR-C-000001", "CN-O-000001", 1, 1m)]);

        Should.Throw<IllegalTransitionException>(() => shipment.Arrive(DateTime.UtcNow));
        shipment.Depart(DateTime.UtcNow, DateTime.UtcNow.AddHours(-1));
        Should.Throw<IllegalTransitionException>(() => shipment.Depart(DateTime.UtcNow, DateTime.UtcNow.AddHours(-1)));
        shipment.Arrive(DateTime.UtcNow);

        shipment.Status.ShouldBe(ShipmentStatus.Arrived);
    }

    [Fact]
    public void Tracking_TimeBeforeTheStepItFollows_IsRefusedAndChangesNothing()
    {
        var shipment = Shipment.Book(Guid.NewGuid(), Guid.NewGuid(), 1, "20GP", "MB-1", new Money(10m, CurrencyCode.USD), [new(1, "KR-C-000001", "CN-O-000001", 1, 1m)]);
        var bookedAt = new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

        Should.Throw<MilestoneOutOfOrderException>(() => shipment.Depart(bookedAt.AddMinutes(-1), bookedAt)).Message.ShouldContain("MB-1");
        shipment.Status.ShouldBe(ShipmentStatus.Booked);
        shipment.Depart(bookedAt.AddHours(2), bookedAt);
        Should.Throw<MilestoneOutOfOrderException>(() => shipment.Arrive(DateTime.MinValue));
        Should.Throw<MilestoneOutOfOrderException>(() => shipment.Arrive(bookedAt.AddHours(1)));
        shipment.Status.ShouldBe(ShipmentStatus.Departed);
        shipment.ArrivedAt.ShouldBeNull();
        shipment.Arrive(bookedAt.AddHours(2));
        shipment.ArrivedAt.ShouldBe(bookedAt.AddHours(2));
    }
}
