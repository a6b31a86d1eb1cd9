namespace Hub.Logistics.Endpoints;

/// <summary>Containers used against the lower bound and the First Fit Decreasing baseline, fill rates, splits, runtime.</summary>
internal sealed record PlanQualityResponse(
    int Containers,
    int LowerBound,
    int FirstFitDecreasing,
    double VolumeFill,
    double WeightFill,
    int SplitConsignments,
    int FlaggedConsignments,
    double RuntimeMs,
    string Method);
