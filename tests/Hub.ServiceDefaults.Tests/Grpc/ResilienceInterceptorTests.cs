using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Hub.ServiceDefaults.Grpc;

namespace Hub.ServiceDefaults.Tests.Grpc;

public sealed class ResilienceInterceptorTests
{
    private static readonly Method<string, string> Echo = StringMethods.Unary("test.v1.Echo", "Say");

    [Fact]
    public async Task TransientFailures_AreRetried_EachAttemptWithItsOwnDeadline()
    {
        var server = new ScriptedServer(StatusCode.Unavailable, StatusCode.DeadlineExceeded);
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions { AttemptDeadline = TimeSpan.FromSeconds(2), RetryDelay = TimeSpan.FromMilliseconds(1) }));
        var before = DateTime.UtcNow;

        var answer = await invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync;

        answer.ShouldBe("hello");
        server.Attempts.Count.ShouldBe(3);
        server.Attempts.ShouldAllBe(deadline => deadline > before && deadline <= DateTime.UtcNow.AddSeconds(2));
    }

    [Fact]
    public async Task CallersEarlierDeadline_IsKept()
    {
        var server = new ScriptedServer();
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions { AttemptDeadline = TimeSpan.FromSeconds(30) }));
        var deadline = DateTime.UtcNow.AddSeconds(1);

        await invoker.AsyncUnaryCall(Echo, null, new CallOptions(deadline: deadline), "hello").ResponseAsync;

        server.Attempts.ShouldHaveSingleItem().ShouldBe(deadline);
    }

    [Fact]
    public async Task CallersDeadline_EndsTheCall_NoAttemptStartsAfterIt()
    {
        var server = new ScriptedServer { RunOutTheDeadline = true };
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions
        {
            AttemptDeadline = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
            RetryDelay = TimeSpan.FromMilliseconds(200),
        }));

        var late = await Should.ThrowAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(Echo, null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300)), "hello").ResponseAsync);

        late.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        server.Attempts.Count.ShouldBeLessThanOrEqualTo(2, "the retries after the caller's deadline could only fail");
    }

    [Fact]
    public async Task Refusal_IsNotRetried_AndReachesTheCallerAsItCame()
    {
        var server = new ScriptedServer(StatusCode.FailedPrecondition);
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions { RetryDelay = TimeSpan.FromMilliseconds(1) }));

        var refused = await Should.ThrowAsync<RpcException>(() => invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        server.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TargetThatKeepsFailing_OpensTheCircuit_AndLaterCallsAreUnavailableWithoutReachingIt()
    {
        var server = new ScriptedServer(Enumerable.Repeat(StatusCode.Unavailable, 100).ToArray());
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions
        {
            MaxRetries = 0,
            BreakerMinimumThroughput = 3,
            BreakerBreakDuration = TimeSpan.FromMinutes(1),
        }));

        for (var i = 0; i < 3; i++)
        {
            (await Should.ThrowAsync<RpcException>(() => invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync))
                .StatusCode.ShouldBe(StatusCode.Unavailable);
        }

        var suspended = await Should.ThrowAsync<RpcException>(() => invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync);

        server.Attempts.Count.ShouldBe(3);
        suspended.StatusCode.ShouldBe(StatusCode.Unavailable);
        suspended.Status.Detail.ShouldContain("hub CN");
    }

    [Theory]
    [InlineData(StatusCode.Unknown)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unavailable)]
    public async Task FailureTheRetriesDidNotMend_NamesTheTarget(StatusCode failure)
    {
        var server = new ScriptedServer(failure, failure, failure);
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) }));

        var failed = await Should.ThrowAsync<RpcException>(() => invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync);

        failed.StatusCode.ShouldBe(failure);
        failed.Status.Detail.ShouldBe($"hub CN failed ({failure}): scripted");
    }

    [Fact]
    public async Task Refusal_KeepsItsOwnDetail()
    {
        var server = new ScriptedServer(StatusCode.InvalidArgument);
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions()));

        var refused = await Should.ThrowAsync<RpcException>(() => invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync);

        refused.Status.Detail.ShouldBe("scripted");
    }

    [Fact]
    public async Task NoAnswerWithinTheTotalTimeout_IsDeadlineExceeded()
    {
        var server = new ScriptedServer { Hang = true };
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions
        {
            AttemptDeadline = TimeSpan.FromMinutes(1),
            TotalTimeout = TimeSpan.FromMilliseconds(200),
        }));

        var late = await Should.ThrowAsync<RpcException>(() => invoker.AsyncUnaryCall(Echo, null, new CallOptions(), "hello").ResponseAsync);

        late.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        server.Attempts.Count.ShouldBe(1);
    }

    private static ResilienceInterceptor Interceptor(GrpcClientOptions options) =>
        new(GrpcResilience.Build(options, "hub CN"), options.AttemptDeadline, TimeProvider.System, "hub CN");

    /// <summary>Answers each attempt with the next scripted failure, then with the request; records each attempt's deadline.</summary>
    private sealed class ScriptedServer(params StatusCode[] failures) : UnaryInvoker
    {
        private readonly ConcurrentQueue<StatusCode> _failures = new(failures);

        public ConcurrentQueue<DateTime> Attempts { get; } = new();

        public bool Hang { get; init; }

        /// <summary>Answer DEADLINE_EXCEEDED when the attempt's deadline passes, as a server that does not answer in time.</summary>
        public bool RunOutTheDeadline { get; init; }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Attempts.Enqueue(options.Deadline ?? DateTime.MaxValue);
            var response = Answer(options, request as TResponse ?? throw new InvalidOperationException("echo only"));
            return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        private async Task<TResponse> Answer<TResponse>(CallOptions options, TResponse echo)
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, options.CancellationToken);
            }

            if (RunOutTheDeadline)
            {
                var left = (options.Deadline ?? DateTime.MaxValue) - DateTime.UtcNow;
                await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, options.CancellationToken);
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "scripted"));
            }

            if (_failures.TryDequeue(out var failure))
            {
                throw new RpcException(new Status(failure, "scripted"));
            }

            return echo;
        }
    }
}
