using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// The process's logger factory, with one change to what MassTransit logs: a publish or send its caller stopped waiting
/// for — the outbox relay's dispatch timeout while the broker is away or blocked, or a host stopping — is a debug record
/// instead of MassTransit's error with a stack ("S-FAULT") for every message of every attempt. The relay logs each
/// failed batch once and keeps the reason on each row. Every other record, MassTransit's included, passes unchanged.
/// </summary>
internal sealed class BusLogFilter(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>The category MassTransit logs its faults under.</summary>
    internal const string BusCategory = "MassTransit";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == BusCategory ? new BusLogger(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The factory underneath is the container's, and disposed by it.</summary>
    public void Dispose()
    {
    }

    private sealed class BusLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // A send given up by its caller: MassTransit's send fault over a cancellation.
            if (logLevel >= LogLevel.Error && exception is OperationCanceledException && formatter(state, exception).StartsWith("S-FAULT ", StringComparison.Ordinal))
            {
                logLevel = LogLevel.Debug;
                if (!inner.IsEnabled(logLevel))
                {
                    return;
                }
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
