using Google.Protobuf.WellKnownTypes;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>Times on the gRPC wire.</summary>
public static class Timestamps
{
    /// <summary>A UTC time as read from the database (kind unspecified), as a protobuf timestamp.</summary>
    public static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
