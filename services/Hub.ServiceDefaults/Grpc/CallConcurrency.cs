using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// How many attempts a client keeps in flight to one target at once, found as the calls go (a slow start, then additive
/// increase and multiplicative decrease). The limit starts at <see cref="GrpcClientOptions.InitialConcurrentCalls"/> and
/// grows by one for each attempt answered in time with the limit reached, up to
/// <see cref="GrpcClientOptions.MaxConcurrentCalls"/>, until the target first shows strain: an attempt that was slow
/// (half its deadline or more) while others were in flight beside it, or that the target refused as exhausted (an
/// attempt slow alone says nothing of how many go at once: a process warming up, a heavy request). That halves the limit, to half the attempts then
/// in flight, at most once per attempt deadline (the attempts under way when it was lowered end slow too), never below
/// <see cref="GrpcClientOptions.MinConcurrentCalls"/>; from then on every limit's worth of attempts answered in time
/// with the limit reached raises it by one. An attempt past the limit waits its turn, within the call's total timeout,
/// before its deadline starts; with <see cref="GrpcClientOptions.MaxQueuedCalls"/> waiting already it is refused at
/// once as RESOURCE_EXHAUSTED (and tried again by the retries). A target that is swamped (a burst of work at a partner
/// hub) so gets the calls it can answer within their deadlines, rather than every call at once and none in time, each
/// then sent again.
/// </summary>
internal sealed partial class CallConcurrency : ResilienceStrategy
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private readonly GrpcClientOptions _options;
    private readonly TimeProvider _clock;
    private readonly string _target;
    private readonly ILogger? _logger;
    private readonly TimeSpan _slow;
    private double _limit;
    private int _inFlight;
    private long? _loweredAt;
    private bool _strained;

    /// <param name="options">The bounds, and the attempt deadline that says what is slow.</param>
    /// <param name="clock">Times the attempts.</param>
    /// <param name="target">What the calls reach, for the refusal's message and the log.</param>
    /// <param name="logger">Where a lowered limit is logged; none when null.</param>
    public CallConcurrency(GrpcClientOptions options, TimeProvider clock, string target, ILogger? logger)
    {
        _options = options;
        _clock = clock;
        _target = target;
        _logger = logger;
        _slow = options.AttemptDeadline / 2;
        _limit = options.InitialConcurrentCalls;
    }

    /// <summary>The attempts let through at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    /// <summary>The attempts waiting for their turn now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        if (await EnterAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext) is { } refused)
        {
            return Outcome.FromException<TResult>(refused);
        }

        var started = _clock.GetTimestamp();
        Outcome<TResult>? outcome = null;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            return outcome.Value;
        }
        finally
        {
            var took = _clock.GetElapsedTime(started);
            var failure = outcome is { } ended ? ended.Exception : new OperationCanceledException();
            var answer = failure switch
            {
                RpcException { StatusCode: StatusCode.ResourceExhausted } => Answer.Exhausted,
                _ when took >= _slow => Answer.Slow,
                null => Answer.InTime,
                RpcException e when GrpcResilience.IsRefusal(e.StatusCode) => Answer.InTime,
                _ => Answer.None,
            };
            if (Leave(answer) is { } lowered && _logger is not null)
            {
                var how = failure switch { null => "answered", RpcException e => e.StatusCode.ToString(), var e => e.GetType().Name };
                LogLowered(_logger, _target, lowered, how, took.TotalSeconds, _options.AttemptDeadline.TotalSeconds);
            }
        }
    }

    // Null once the attempt may go; otherwise why it may not (the call's end came first, or too many wait already).
    private async ValueTask<Exception?> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        LinkedListNode<TaskCompletionSource> place;
        lock (_gate)
        {
            if (_inFlight < (int)_limit && _waiting.Count == 0)
            {
                _inFlight++;
                return null;
            }

            if (_waiting.Count >= _options.MaxQueuedCalls)
            {
                return new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"{_target} has {_inFlight} calls in flight (its limit now) and {_waiting.Count} waiting, the most that wait; try again shortly."));
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            place = _waiting.AddLast(turn);
        }

        try
        {
            await turn.Task.WaitAsync(cancellationToken);
            return null;
        }
        catch (OperationCanceledException ex)
        {
            lock (_gate)
            {
                if (place.List is not null)
                {
                    _waiting.Remove(place);
                    return ex;
                }
            }

            // Its turn came as the call ended: the place it was given goes to the next in line.
            Leave(Answer.None);
            return ex;
        }
    }

    // Gives the attempt's place back and lets the next waiting attempts go; the new limit if this answer lowered it.
    private int? Leave(Answer answer)
    {
        int? lowered = null;
        lock (_gate)
        {
            // Slow alone, fewer calls at once would not have made it quicker (a process warming up, a heavy request).
            if (answer == Answer.Exhausted || (answer == Answer.Slow && _inFlight > 1))
            {
                var now = _clock.GetTimestamp();
                if (_loweredAt is not { } at || _clock.GetElapsedTime(at, now) >= _options.AttemptDeadline)
                {
                    var limit = Math.Max(_options.MinConcurrentCalls, Math.Min(_limit, _inFlight) / 2);
                    if ((int)limit < (int)_limit)
                    {
                        lowered = (int)limit;
                    }

                    _limit = limit;
                    _loweredAt = now;
                    _strained = true;
                }
            }
            else if (answer == Answer.InTime && _inFlight == (int)_limit)
            {
                // Answered in time with the limit reached (not past it: attempts sent before it was lowered prove nothing).
                _limit = Math.Min(_options.MaxConcurrentCalls, _limit + (_strained ? 1 / _limit : 1));
            }

            _inFlight--;
            while (_inFlight < (int)_limit && _waiting.First is { } next)
            {
                _waiting.RemoveFirst();
                _inFlight++;
                next.Value.TrySetResult();
            }
        }

        return lowered;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Calls to {Target} held to {Limit} at once: an attempt ended {Ended} after {Seconds:0.###} s (deadline {Deadline:0.###} s), slow or refused as exhausted")]
    private static partial void LogLowered(ILogger logger, string target, int limit, string ended, double seconds, double deadline);

    private enum Answer
    {
        /// <summary>Neither: a failure that says nothing of the target's load (it is down, the call was cancelled).</summary>
        None,

        /// <summary>Answered (or refused) in time.</summary>
        InTime,

        /// <summary>Half its deadline or more.</summary>
        Slow,

        /// <summary>Refused by the target as RESOURCE_EXHAUSTED.</summary>
        Exhausted,
    }
}
