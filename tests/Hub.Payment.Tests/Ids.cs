using Hub.Contracts.Values;

namespace Hub.Payment.Tests;

/// <summary>Fresh ids, so tests sharing a host never share data.</summary>
public static class Ids
{
    private static long _next = Random.Shared.Next(1, 1_000_000) * 1_000L;

    public static CompanyId Company(string hub = "KR") => new(HubId.Parse(hub), Interlocked.Increment(ref _next));

    public static OrderId Order(string hub = "KR") => new(HubId.Parse(hub), Interlocked.Increment(ref _next));

    public static ConsignmentId Consignment(string hub = "KR") => new(HubId.Parse(hub), Interlocked.Increment(ref _next));
}
