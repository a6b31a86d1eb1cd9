using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Freight;

namespace Hub.Logistics.Tests.Domain.Freight;

public sealed class ChargeableWeightTests
{
    [Theory]
    [InlineData(8, 60_000, 10)]      // 50×40×30 cm, 8 kg: volumetric 10 kg wins
    [InlineData(25, 60_000, 25)]     // same carton at 25 kg: actual weight wins
    [InlineData(1, 1_000_000, 166.667)] // 1 m³ at 1 kg: 1,000,000 / 6000 = 166.666… rounds up to the gram
    public void Air_IsTheGreaterOfActualAndVolumetricWeight(decimal kg, decimal cm3, decimal expected) =>
        ChargeableWeight.Air(kg, cm3, 6000m).ShouldBe(expected);

    [Theory]
    [InlineData(1_200, 1_000_000, 1.2)] // 1 m³ weighing 1.2 t: tonnes win
    [InlineData(300, 2_500_000, 2.5)]   // 2.5 m³ weighing 0.3 t: cubic metres win
    [InlineData(1_000, 1_000_000, 1)]   // 1 t and 1 m³: one revenue ton
    public void Sea_IsTheGreaterOfTonnesAndCubicMetres(decimal kg, decimal cm3, decimal expected) =>
        ChargeableWeight.Sea(kg, cm3).ShouldBe(expected);

    [Fact]
    public void Of_Cartons_AddsWeightsAndVolumesBeforeComparing()
    {
        Carton[] cartons = [new(50, 40, 30, 8), new(50, 40, 30, 20)];

        // 28 kg actual vs 120,000 cm³ / 6000 = 20 kg; per-carton maxima would wrongly give 10 + 20 = 30.
        ChargeableWeight.Of(TransportMode.Air, cartons, 6000m).ShouldBe(28m);
        ChargeableWeight.Of(TransportMode.Sea, cartons, 6000m).ShouldBe(0.12m);
        ChargeableWeight.UnitOf(TransportMode.Sea).ShouldBe("rt");
    }

    [Theory]
    [InlineData(0, 10, 10, 1)]
    [InlineData(10, -1, 10, 1)]
    [InlineData(10, 10, 10, 0)]
    public void Carton_WithoutPositiveDimensionsOrWeight_IsRefused(decimal l, decimal w, decimal h, decimal kg) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Carton(l, w, h, kg));
}
