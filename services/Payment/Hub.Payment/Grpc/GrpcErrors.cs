using Grpc.Core;
using Hub.Payment.Domain;

namespace Hub.Payment.Grpc;

internal static class GrpcErrors
{
    /// <summary>Runs a command, turning a refusal into the RpcException callers can act on (reason in the "reason" trailer).</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (PaymentException ex)
        {
            var status = ex.Kind switch
            {
                PaymentErrorKind.Invalid => StatusCode.InvalidArgument,
                PaymentErrorKind.NotFound => StatusCode.NotFound,
                PaymentErrorKind.Forbidden => StatusCode.PermissionDenied,
                PaymentErrorKind.Conflict => StatusCode.AlreadyExists,
                _ => StatusCode.FailedPrecondition,
            };
            throw new RpcException(new Status(status, ex.Message), new Metadata { { "reason", ex.Reason } });
        }
    }
}
