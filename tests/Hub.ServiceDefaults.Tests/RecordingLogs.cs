using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Tests;

/// <summary>A logger provider keeping every record logged through it, in order.</summary>
internal sealed class RecordingLogs : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Records { get; } = new();

    /// <summary>The level and text of each record of <typeparamref name="T"/>'s category.</summary>
    public IReadOnlyList<(LogLevel, string)> Of<T>() =>
        [.. Records.Where(r => r.Category == typeof(T).FullName).Select(r => (r.Level, r.Message))];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Records.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}
