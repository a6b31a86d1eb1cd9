using Grpc.Core;
using Grpc.Core.Interceptors;
using Hub.ServiceDefaults.Data;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// Answers UNAVAILABLE, rather than gRPC's UNKNOWN "Exception was thrown by handler.", a call that failed because the
/// service's database did not answer (see <see cref="DatabaseOutage"/>): callers retry UNAVAILABLE with backoff and so
/// ride out a database restart, where UNKNOWN is a failure they answer at once. Every command is idempotent, so a
/// retry of one whose commit went through answers as the first did.
/// </summary>
public sealed class DatabaseOutageStatus : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The service's database did not answer; try again shortly.", ex));
        }
    }
}
