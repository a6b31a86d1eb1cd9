using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hub.Logistics.Domain.Pools;
using Hub.ServiceDefaults.Observability;

namespace Hub.Logistics.Pools;

/// <summary>Plan quality as metrics: fill rates and containers above the lower bound, per lane and mode.</summary>
internal sealed class PlanMetrics
{
    private readonly Histogram<double> _volumeFill;
    private readonly Histogram<double> _weightFill;
    private readonly Counter<long> _containers;
    private readonly Counter<long> _aboveLowerBound;

    public PlanMetrics(ServiceMetrics metrics)
    {
        _volumeFill = metrics.Meter.CreateHistogram<double>("hub.logistics.plan.volume_fill", description: "Loaded volume over usable volume of the containers a plan uses.");
        _weightFill = metrics.Meter.CreateHistogram<double>("hub.logistics.plan.weight_fill", description: "Loaded weight over payload of the containers a plan uses.");
        _containers = metrics.Meter.CreateCounter<long>("hub.logistics.plan.containers", description: "Containers or ULDs planned.");
        _aboveLowerBound = metrics.Meter.CreateCounter<long>("hub.logistics.plan.containers_above_lower_bound", description: "Containers planned beyond the lower bound.");
    }

    public void Record(string lane, PoolPlan plan)
    {
        var tags = new TagList { { "lane", lane }, { "mode", plan.Mode.ToString() } };
        _volumeFill.Record(plan.VolumeFill, tags);
        _weightFill.Record(plan.WeightFill, tags);
        _containers.Add(plan.Containers, tags);
        _aboveLowerBound.Add(plan.Containers - plan.LowerBound, tags);
    }
}
