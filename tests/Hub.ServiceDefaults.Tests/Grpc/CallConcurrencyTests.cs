using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Hub.ServiceDefaults.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Hub.ServiceDefaults.Tests.Grpc;

/// <summary>The calls to one target are held to as many at once as it answers in time.</summary>
public sealed class CallConcurrencyTests
{
    private static readonly Method<string, string> Echo = StringMethods.Unary("test.v1.Customs", "Declare");

    [Fact]
    public async Task SlowTarget_GetsFewerCallsAtOnce_TheOthersWaitTheirTurn_AndEachAttemptsDeadlineStartsWithIt()
    {
        var server = new TimedServer { Answering = TimeSpan.FromMilliseconds(300) };
        var logs = new RecordingLogs();
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions
        {
            AttemptDeadline = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(20),
            MaxRetries = 0,
            InitialConcurrentCalls = 16,
            MaxConcurrentCalls = 16,
        }, logs));

        // Sixteen at once, each slow (300 ms of a 500 ms deadline): the target gets half as many at once after them.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Call(invoker, $"first {i}")));
        server.Peak.ShouldBe(16);
        server.ResetPeak();
        var second = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Call(invoker, $"second {i}")));

        second.ShouldBe(Enumerable.Range(0, 16).Select(i => $"second {i}"), "every call waited for its turn and was answered");
        server.Peak.ShouldBeLessThanOrEqualTo(8, "half of what was in flight, or less on a machine too busy to start the sixteen together");
        server.Attempts.ShouldAllBe(a => a.Deadline - a.Started <= TimeSpan.FromMilliseconds(500) && a.Deadline - a.Started > TimeSpan.FromMilliseconds(250),
            "an attempt's deadline starts when it goes, not while it waits");
        logs.Records.ShouldContain(r => r.Level == LogLevel.Warning && r.Message.StartsWith("Calls to Customs of hub KR held to ", StringComparison.Ordinal)
            && r.Message.Contains(" at once: an attempt ended answered after ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewTarget_GetsFewCallsAtFirst_AndOneMoreForEachAnsweredInTime_UntilItShowsStrain()
    {
        var server = new TimedServer { Answering = Timeout.InfiniteTimeSpan };
        var concurrency = new CallConcurrency(new GrpcClientOptions { InitialConcurrentCalls = 4, MaxConcurrentCalls = 64 }, TimeProvider.System, "Catalog of hub KR", null);
        var invoker = server.Intercept(Interceptor(concurrency));
        var first = Enumerable.Range(0, 10).Select(i => Call(invoker, $"first {i}")).ToList();
        await server.Reached(4);
        await Task.Delay(100);
        server.Attempts.Count.ShouldBe(4, "four go at first, the others wait");

        server.Release();
        await Task.WhenAll(first);
        server.Answering = TimeSpan.FromMilliseconds(5);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Call(invoker, $"quick {i}")));

        // One more per answer in time: a hundred answers take it far past the 15 or so that one more per limit's worth would.
        concurrency.Limit.ShouldBeGreaterThan(30);
    }

    [Fact]
    public async Task AttemptSlowAlone_LeavesTheLimitAsItWas()
    {
        var server = new TimedServer { Answering = TimeSpan.FromMilliseconds(300) };
        var concurrency = new CallConcurrency(
            new GrpcClientOptions { AttemptDeadline = TimeSpan.FromMilliseconds(500), InitialConcurrentCalls = 4 }, TimeProvider.System, "Customs of hub KR", null);
        var invoker = server.Intercept(Interceptor(concurrency));

        await Call(invoker, "warming up");

        concurrency.Limit.ShouldBe(4, "fewer calls at once would not have made one call quicker");
    }

    [Fact]
    public async Task TargetAnsweringInTimeAgain_GetsMoreCallsAtOnce()
    {
        var server = new TimedServer { Answering = TimeSpan.FromMilliseconds(300) };
        var concurrency = new CallConcurrency(
            new GrpcClientOptions { AttemptDeadline = TimeSpan.FromMilliseconds(500), InitialConcurrentCalls = 16, MaxConcurrentCalls = 16 }, TimeProvider.System, "Customs of hub KR", null);
        var invoker = server.Intercept(Interceptor(concurrency));
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Call(invoker, $"slow {i}")));
        var lowered = concurrency.Limit;
        lowered.ShouldBeLessThanOrEqualTo(8);

        server.Answering = TimeSpan.FromMilliseconds(5);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Call(invoker, $"quick {i}")));

        concurrency.Limit.ShouldBeGreaterThan(lowered);
    }

    [Fact]
    public async Task TargetRefusingAsExhausted_LowersTheLimit_QuickAsItAnswers()
    {
        var server = new TimedServer { Answering = TimeSpan.FromMilliseconds(20), Exhausted = 1 };
        var concurrency = new CallConcurrency(new GrpcClientOptions { InitialConcurrentCalls = 16, MaxConcurrentCalls = 16 }, TimeProvider.System, "Catalog of hub KR", null);
        var invoker = server.Intercept(Interceptor(concurrency));

        var calls = Enumerable.Range(0, 12).Select(i => Call(invoker, $"call {i}")).ToList();
        await Should.ThrowAsync<RpcException>(() => Task.WhenAll(calls));

        calls.Count(c => c.IsFaulted).ShouldBe(1);
        concurrency.Limit.ShouldBeLessThanOrEqualTo(6, "a refusal among twelve at once halves what was in flight");
    }

    [Fact]
    public async Task TooManyWaiting_IsRefusedAtOnce_AndACallThatStopsWaiting_GivesNoPlaceAway()
    {
        var server = new TimedServer { Answering = Timeout.InfiniteTimeSpan };
        var invoker = server.Intercept(Interceptor(new GrpcClientOptions
        {
            MaxRetries = 0,
            TotalTimeout = TimeSpan.FromSeconds(20),
            AttemptDeadline = TimeSpan.FromSeconds(20),
            InitialConcurrentCalls = 2,
            MaxConcurrentCalls = 2,
            MaxQueuedCalls = 1,
        }));
        var inFlight = new[] { Call(invoker, "a"), Call(invoker, "b") };
        await server.Reached(2);
        var waiting = Call(invoker, "c", DateTime.UtcNow.AddMilliseconds(300));

        var refused = await Should.ThrowAsync<RpcException>(() => Call(invoker, "d"));
        var gaveUp = await Should.ThrowAsync<RpcException>(() => waiting);
        server.Release();
        await Task.WhenAll(inFlight);
        var after = await Task.WhenAll(Call(invoker, "e"), Call(invoker, "f"));

        refused.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        refused.Status.Detail.ShouldBe("Customs of hub KR has 2 calls in flight (its limit now) and 1 waiting, the most that wait; try again shortly.");
        gaveUp.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        after.ShouldBe(["e", "f"]);
        server.Attempts.Select(a => a.Request).ShouldBe(["a", "b", "e", "f"], ignoreOrder: true, "the call that stopped waiting never went");
    }

    [Fact]
    public async Task TargetsLimit_AndTheCallsWaiting_AreGaugesTaggedWithTheTarget()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var limits = new CallLimits(services.GetRequiredService<IMeterFactory>());
        var target = $"Customs of hub KR ({Guid.NewGuid():N})";
        var server = new TimedServer { Answering = Timeout.InfiniteTimeSpan };
        var options = new GrpcClientOptions { MaxRetries = 0, InitialConcurrentCalls = 2, MaxConcurrentCalls = 2 };
        var invoker = server.Intercept(new ResilienceInterceptor(
            GrpcResilience.Build(options, target, limits: limits), options.AttemptDeadline, TimeProvider.System, target));
        var calls = Enumerable.Range(0, 3).Select(i => Call(invoker, $"call {i}")).ToList();
        await server.Reached(2);

        var gauges = Read();
        server.Release();
        await Task.WhenAll(calls);

        gauges.ShouldContainKeyAndValue(("hub.grpc.client.call_limit", target), 2);
        gauges.ShouldContainKeyAndValue(("hub.grpc.client.calls_waiting", target), 1);
        Read().ShouldContainKeyAndValue(("hub.grpc.client.calls_waiting", target), 0);
    }

    // The gauges of the client meter as they read now, by instrument and target.
    private static Dictionary<(string, string), int> Read()
    {
        var read = new Dictionary<(string, string), int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CallLimits.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => read[(instrument.Name, (string)tags[0].Value!)] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return read;
    }

    [Theory]
    [InlineData("MaxConcurrentCalls", "0")]
    [InlineData("MinConcurrentCalls", "0")]
    [InlineData("MaxQueuedCalls", "-1")]
    [InlineData("InitialConcurrentCalls", "1")]
    [InlineData("InitialConcurrentCalls", "65")]
    public void LimitThatLetsNoCallGo_StopsTheProcessFromStarting(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"Grpc:Client:{setting}"] = value });
        builder.AddPartnerChannels();
        using var host = builder.Build();

        var refused = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GrpcClientOptions>>().Value);

        refused.Message.ShouldContain("MinConcurrentCalls <= InitialConcurrentCalls <= MaxConcurrentCalls");
    }

    private static Task<string> Call(CallInvoker invoker, string request, DateTime? deadline = null) =>
        invoker.AsyncUnaryCall(Echo, null, new CallOptions(deadline: deadline), request).ResponseAsync;

    private static ResilienceInterceptor Interceptor(GrpcClientOptions options, ILoggerFactory? logs = null) =>
        new(GrpcResilience.Build(options, "Customs of hub KR", logs?.CreateLogger("test")), options.AttemptDeadline, TimeProvider.System, "Customs of hub KR");

    // The strategy alone in a pipeline, to read its limit.
    private static ResilienceInterceptor Interceptor(CallConcurrency concurrency) =>
        new(new ResiliencePipelineBuilder().AddStrategy(_ => concurrency, new Named()).Build(), TimeSpan.FromSeconds(3), TimeProvider.System, "Customs of hub KR");

    private sealed class Named : ResilienceStrategyOptions;

    /// <summary>Echoes each attempt after <see cref="Answering"/>; records each attempt and the most in flight at once.</summary>
    private sealed class TimedServer : UnaryInvoker
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _peak;
        private int _exhausted;

        public TimeSpan Answering { get; set; }

        /// <summary>How many of the first attempts are refused as RESOURCE_EXHAUSTED.</summary>
        public int Exhausted
        {
            init => _exhausted = value;
        }

        public ConcurrentQueue<(string Request, DateTime Started, DateTime Deadline)> Attempts { get; } = new();

        public int Peak => Volatile.Read(ref _peak);

        public void ResetPeak() => Volatile.Write(ref _peak, 0);

        /// <summary>Answers the attempts held by an infinite <see cref="Answering"/>.</summary>
        public void Release() => _released.TrySetResult();

        public async Task Reached(int attempts)
        {
            while (Attempts.Count < attempts)
            {
                await Task.Delay(10);
            }
        }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            var echo = request as string ?? throw new InvalidOperationException("echo only");
            Attempts.Enqueue((echo, DateTime.UtcNow, options.Deadline ?? DateTime.MaxValue));
            var response = AnswerAsync(echo, options.CancellationToken);
            return new AsyncUnaryCall<TResponse>((Task<TResponse>)(object)response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        private async Task<string> AnswerAsync(string echo, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }

            try
            {
                if (Answering == Timeout.InfiniteTimeSpan)
                {
                    await _released.Task.WaitAsync(cancellationToken);
                }
                else
                {
                    await Task.Delay(Answering, cancellationToken);
                }

                return Interlocked.Decrement(ref _exhausted) >= 0 ? throw new RpcException(new Status(StatusCode.ResourceExhausted, "busy")) : echo;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
