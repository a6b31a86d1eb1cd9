using Grpc.Core;
using Grpc.Core.Interceptors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// Gives every unary call a deadline per attempt and runs it through the client's resilience pipeline.
/// Streaming calls get the deadline only: a half-consumed stream cannot be replayed. A deadline the caller set ends the
/// call, retries included. The caller sees gRPC's own failures only: an open circuit is UNAVAILABLE, the pipeline's
/// total timeout or the caller's deadline DEADLINE_EXCEEDED. A failure (not a refusal) the last attempt met names the
/// target it came from: what the target says of its own failures ("Exception was thrown by handler.", or nothing at an
/// attempt's deadline) is no use to whoever reads it two services away.
/// </summary>
/// <param name="pipeline">Timeout, retries and circuit breaker, shared by all calls to <paramref name="target"/>.</param>
/// <param name="attemptDeadline">Deadline of one attempt when the caller set none (or a later one).</param>
/// <param name="clock">The clock the deadlines are taken from.</param>
/// <param name="target">What the calls reach, for the failures' messages ("Customs", "hub CN").</param>
public sealed class ResilienceInterceptor(ResiliencePipeline pipeline, TimeSpan attemptDeadline, TimeProvider clock, string target) : Interceptor
{
    /// <inheritdoc />
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var final = RunAsync(async cancellationToken =>
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
        }, context.Options.Deadline, context.Options.CancellationToken);

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

    // The caller's own deadline ends the call, retries included: no attempt starts after it.
    private async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, DateTime? callerDeadline, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var deadline = callerDeadline is { } end && end != DateTime.MaxValue
            ? new CancellationTokenSource(end > now ? end - now : TimeSpan.Zero, clock)
            : new CancellationTokenSource();
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await pipeline.ExecuteAsync(attempt, ends.Token);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled or StatusCode.DeadlineExceeded })
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"{target} did not answer before the caller's deadline.", e));
        }
        catch (BrokenCircuitException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Calls to {target} are suspended for a while: its recent calls kept failing.", e));
        }
        catch (TimeoutRejectedException e)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"{target} did not answer within {e.Timeout.TotalSeconds:0.###} s, retries included.", e));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable
            && !cancellationToken.IsCancellationRequested && !e.Status.Detail.Contains(target, StringComparison.Ordinal))
        {
            var said = e.StatusCode == StatusCode.DeadlineExceeded && e.Status.Detail.Length == 0
                ? $"no answer within the attempt's {attemptDeadline.TotalSeconds:0.###} s"
                : e.Status.Detail;
            throw new RpcException(new Status(e.StatusCode, $"{target} failed ({e.StatusCode}): {said}", e), e.Trailers);
        }
    }

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
