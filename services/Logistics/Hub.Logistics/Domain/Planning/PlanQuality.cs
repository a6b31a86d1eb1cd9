namespace Hub.Logistics.Domain.Planning;

/// <summary>How good a plan is: containers against the lower bound and the First Fit Decreasing baseline.</summary>
/// <param name="Containers">Containers the plan uses.</param>
/// <param name="LowerBound">max(⌈Σ volume / usable volume⌉, ⌈Σ weight / payload⌉): no plan can use fewer.</param>
/// <param name="FirstFitDecreasing">Containers First Fit Decreasing uses on the same items.</param>
/// <param name="VolumeFill">Loaded volume over the usable volume of the containers used (0–1).</param>
/// <param name="WeightFill">Loaded weight over the payload of the containers used (0–1).</param>
/// <param name="SplitConsignments">Consignments whose cartons travel in more than one container.</param>
/// <param name="Runtime">Time the planner took.</param>
/// <param name="Method">The method that found the plan.</param>
internal sealed record PlanQuality(
    int Containers,
    int LowerBound,
    int FirstFitDecreasing,
    double VolumeFill,
    double WeightFill,
    int SplitConsignments,
    TimeSpan Runtime,
    string Method)
{
    public bool IsOptimal => Containers == LowerBound;
}
