namespace Hub.Logistics.Domain;

/// <summary>A milestone was given a time before the milestone it follows (departure before booking, arrival before departure…).</summary>
internal sealed class MilestoneOutOfOrderException(string message) : InvalidOperationException(message);
