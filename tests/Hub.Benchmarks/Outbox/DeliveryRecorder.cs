namespace Hub.Benchmarks.Outbox;

/// <summary>Receive timestamps (<see cref="System.Diagnostics.Stopwatch"/> ticks) of the phase now running.</summary>
internal sealed class DeliveryRecorder
{
    private Expectation _current = new(-1, 0);

    /// <summary>Starts counting the deliveries of <paramref name="run"/>; anything else that arrives is ignored.</summary>
    public Expectation Expect(int run, int messages)
    {
        var expectation = new Expectation(run, messages);
        Volatile.Write(ref _current, expectation);
        return expectation;
    }

    public void Record(BenchmarkMessage message, long timestamp)
    {
        var current = Volatile.Read(ref _current);
        if (message.Run == current.Run)
        {
            current.Record(message.Sequence, timestamp);
        }
    }

    internal sealed class Expectation(int run, int messages)
    {
        private readonly long[] _received = new long[messages];
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;
        private int _duplicates;

        public int Run { get; } = run;

        public int Received => Volatile.Read(ref _count);

        public int Duplicates => Volatile.Read(ref _duplicates);

        /// <summary>Receive timestamp by sequence; 0 where nothing arrived.</summary>
        public ReadOnlySpan<long> Timestamps => _received;

        public long Last => _received.Length == 0 ? 0 : _received.Max();

        public void Record(int sequence, long timestamp)
        {
            if (Interlocked.CompareExchange(ref _received[sequence], timestamp, 0) != 0)
            {
                Interlocked.Increment(ref _duplicates);
            }
            else if (Interlocked.Increment(ref _count) == _received.Length)
            {
                _all.TrySetResult();
            }
        }

        /// <summary>Waits until every message arrived; false if <paramref name="timeout"/> passed first.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout)
        {
            try
            {
                await _all.Task.WaitAsync(timeout);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
