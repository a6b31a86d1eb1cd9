using Hub.Console.Clients;

namespace Hub.Console.Tests.Clients;

public sealed class GatewayReadinessTests
{
    [Fact]
    public void From_HubCheckDescription_SplitsServicesAndPartners()
    {
        var report = new HealthReportBody("Degraded", new()
        {
            ["hub"] = new("Degraded", "service:Catalog ready, service:TaxRefund not ready, partner:CN unreachable"),
        });

        var readiness = GatewayReadiness.From(report);

        readiness.Status.ShouldBe("Degraded");
        readiness.Services.ShouldBe(new Dictionary<string, string> { ["Catalog"] = "ready", ["TaxRefund"] = "not ready" }, ignoreOrder: true);
        readiness.Partners.ShouldBe(new Dictionary<string, string> { ["CN"] = "unreachable" });
    }

    [Fact]
    public void From_NoReport_IsUnknownWithNothingListed()
    {
        var readiness = GatewayReadiness.From(null);

        readiness.Status.ShouldBe("Unknown");
        readiness.Services.ShouldBeEmpty();
        readiness.Partners.ShouldBeEmpty();
    }
}
