using Hub.Console.Clients;
using Hub.Console.Metrics;
using Hub.Console.Tests.Fakes;

namespace Hub.Console.Tests.Clients;

public sealed class MetricSampleTests
{
    [Fact]
    public void Parse_PrometheusText_SumsSeriesByNameIgnoringLabelsAndTimestamps()
    {
        var sample = MetricSample.Parse("""
            # HELP x_total things
            x_total{a="1 2}"} 3 1700000000000
            x_total{a="3"} 4.5
            y 1e3
            """);

        sample["x_total"].ShouldBe(7.5);
        sample["y"].ShouldBe(1000);
        sample["z"].ShouldBeNull();
    }

    [Fact]
    public void ByLabel_OrderStates_SplitsByTheLabelAndSumsTheOthers()
    {
        var sample = MetricSample.Parse("""
            # TYPE hub_orders_in_state gauge
            hub_orders_in_state{otel_scope_name="Hub.Order",state="Placed"} 3
            hub_orders_in_state{otel_scope_name="Hub.Order",state="Completed"} 5
            hub_orders_in_state{otel_scope_name="Hub.Other",state="Placed"} 1
            hub_orders_in_state_extra{state="Placed"} 100
            hub_orders_placed_total{otel_scope_name="Hub.Order",xstate="Placed"} 9
            """);

        sample.ByLabel("hub_orders_in_state", "state").ShouldBe(new Dictionary<string, double> { ["Placed"] = 4, ["Completed"] = 5 });
        sample.ByLabel("hub_orders_placed_total", "state").ShouldBeEmpty();
    }

    [Fact]
    public void OutboxFigures_FromAServiceScrape_ReadsPendingAndMeanLag()
    {
        var figures = OutboxFigures.From("Catalog", MetricSample.Parse(FakeHub.CatalogMetrics));

        figures.Pending.ShouldBe(7);
        figures.OldestPendingAgeSeconds.ShouldBe(2.5);
        figures.MeanLagSeconds.ShouldBe(0.025);
        figures.Published.ShouldBe(10);
        figures.Failures.ShouldBeNull();
    }
}
