using Grpc.Core;
using Grpc.Core.Interceptors;
using Polly;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// Gives every unary call a deadline per attempt and runs it through the client's resilience pipeline.
/// Streaming calls get the deadline only: a half-consumed stream cannot be replayed.
/// </summary>
public sealed class ResilienceInterceptor(ResiliencePipeline pipeline, TimeSpan attemptDeadline, TimeProvider clock) : Interceptor
{
    /// <inheritdoc />
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var final = pipeline.ExecuteAsync(async cancellationToken =>
        {
            var call = continuation(request, WithDeadline(context, cancellationToken));
            try
            {
                var response = await call.ResponseAsync;
                return new Completed<TResponse>(call, response);
            }
            catch
            {
                call.Dispose();
                throw;
            }
        }, context.Options.CancellationToken).AsTask();

        return new AsyncUnaryCall<TResponse>(
            Response(final),
            Headers(final),
            () => final.IsCompletedSuccessfully ? final.Result.Call.GetStatus() : new Status(StatusCode.Unknown, "The call has not completed."),
            () => final.IsCompletedSuccessfully ? final.Result.Call.GetTrailers() : [],
            () =>
            {
                if (final.IsCompletedSuccessfully)
                {
                    final.Result.Call.Dispose();
                }
            });
    }

    /// <inheritdoc />
    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithDeadline(context, context.Options.CancellationToken));

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        var attempt = clock.GetUtcNow().UtcDateTime + attemptDeadline;
        var deadline = context.Options.Deadline is { } callerDeadline && callerDeadline < attempt ? callerDeadline : attempt;
        var options = context.Options.WithDeadline(deadline).WithCancellationToken(cancellationToken);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }

    private static async Task<TResponse> Response<TResponse>(Task<Completed<TResponse>> final) => (await final).Response;

    private static async Task<Metadata> Headers<TResponse>(Task<Completed<TResponse>> final) => await (await final).Call.ResponseHeadersAsync;

    private sealed record Completed<TResponse>(AsyncUnaryCall<TResponse> Call, TResponse Response);
}
