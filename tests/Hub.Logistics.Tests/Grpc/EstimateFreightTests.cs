using Grpc.Core;
using Hub.Logistics.V1;
using static Hub.Logistics.Tests.Bookings;

namespace Hub.Logistics.Tests.Grpc;

public sealed class EstimateFreightTests(LogisticsFixture fixture) : IClassFixture<LogisticsFixture>
{
    private readonly LogisticsHost _host = fixture.Host;

    [Fact]
    public async Task EstimateFreight_SeaLane_ChargesRevenueTonsAtTheSeededRate()
    {
        var request = new EstimateFreightRequest { Lane = Lane("CN", "SEA") };
        request.Cartons.Add(Carton("100", "100", "100", "1200"));

        var reply = await _host.Grpc.EstimateFreightAsync(request);

        // 1 m³ weighing 1.2 t → 1.2 revenue tons × KRW 95,000 = KRW 114,000.
        reply.LaneCode.ShouldBe("KR-CN-SEA");
        reply.ChargeableWeight.ShouldBe("1.2");
        reply.ChargeableUnit.ShouldBe("rt");
        reply.PriceMinorUnits.ShouldBe(114_000);
        reply.Currency.ShouldBe("KRW");
        reply.NextCutOff.ShouldStartWith("2026-11-23T09:00:00");
    }

    [Fact]
    public async Task EstimateFreight_AirLane_ChargesVolumetricKilograms()
    {
        var request = new EstimateFreightRequest { Lane = Lane("MY", "AIR") };
        request.Cartons.Add(Carton("50", "40", "30", "8", quantity: 2));

        var reply = await _host.Grpc.EstimateFreightAsync(request);

        // 2 × 60,000 cm³ / 6000 = 20 kg beats 16 kg actual; × KRW 4,200 = KRW 84,000.
        reply.ChargeableWeight.ShouldBe("20");
        reply.ChargeableUnit.ShouldBe("kg");
        reply.PriceMinorUnits.ShouldBe(84_000);
    }

    [Fact]
    public async Task EstimateFreight_NoCartonsOrBadMode_InvalidArgument()
    {
        var error = await Should.ThrowAsync<RpcException>(() =>
            _host.Grpc.EstimateFreightAsync(new EstimateFreightRequest { Lane = Lane("CN", "RAIL") }).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldContain("cartons");
        error.Status.Detail.ShouldContain("lane.mode");
    }

    [Fact]
    public async Task EstimateFreight_PriceBeyondThePlatformBound_InvalidArgumentNamingCartons()
    {
        // 10,000 cartons of about 1 km³ each: some 10^13 revenue tons, KRW 9.5 × 10^17 at KRW 95,000 a ton.
        var request = new EstimateFreightRequest { Lane = Lane("CN", "SEA") };
        request.Cartons.Add(Carton("99999.99", "99999.99", "99999.99", "99999.99", quantity: 10_000));

        var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.EstimateFreightAsync(request).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldStartWith("cartons");
        error.Status.Detail.ShouldContain("more than one shipment may cost");
    }

    [Fact]
    public async Task EstimateFreight_QuantityNearIntMax_InvalidArgumentNamingTheQuantity()
    {
        var request = new EstimateFreightRequest { Lane = Lane("CN", "SEA") };
        request.Cartons.Add(Carton("50", "40", "30", "8", quantity: 3));
        request.Cartons.Add(Carton("50", "40", "30", "8", quantity: int.MaxValue - 1));

        var error = await Should.ThrowAsync<RpcException>(() => _host.Grpc.EstimateFreightAsync(request).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.Status.Detail.ShouldStartWith("cartons[1].quantity");
    }
}
