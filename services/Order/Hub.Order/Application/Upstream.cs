using Grpc.Core;

namespace Hub.Order.Application;

/// <summary>How the order service reads another service's gRPC answer.</summary>
internal static class Upstream
{
    /// <summary>True when the service refused the request as it stands (retrying it changes nothing); false when it did not answer.</summary>
    public static bool IsRefusal(StatusCode code) =>
        code is StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.PermissionDenied
            or StatusCode.AlreadyExists;
}
