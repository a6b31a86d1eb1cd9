using Grpc.Core;
using Grpc.Core.Interceptors;
using Hub.ServiceDefaults.Problems;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// Keeps the message of a refused call short enough to travel. A refusal that quotes the request (an unknown id, one
/// problem per line of a long list) could otherwise outgrow the HTTP/2 header limits on its way back through the
/// gateways, which then answer 502: the partner hub would see UNAVAILABLE and retry a call that can never succeed.
/// The status and trailers stay as the service set them; the message is cut at <see cref="MaxDetailLength"/>
/// characters with the rest counted.
/// </summary>
public sealed class StatusDetailLimit : Interceptor
{
    /// <summary>The most characters of a refusal's message sent back.</summary>
    public const int MaxDetailLength = 1_024;

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex) when (ex.Status.Detail.Length > MaxDetailLength)
        {
            throw new RpcException(new Status(ex.StatusCode, LongText.Cut(ex.Status.Detail, MaxDetailLength), ex.Status.DebugException), ex.Trailers);
        }
    }
}
