using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.ServiceDefaults.Data;

/// <summary>
/// Logs a failed database command at the level its cause deserves, in place of EF Core, which logs every one as an
/// error with its stack. A constraint refusing a row (a key two requests raced for, a reference, a check) or a
/// transaction PostgreSQL could not serialize is how the services find a conflict they then answer or try again: debug,
/// kept out of the operators' errors (a benchmark's bookings racing for a lane's pool left sixty there). Anything else
/// (a lost connection, a value out of range, a statement PostgreSQL refused) stays an error.
/// </summary>
internal sealed partial class CommandFailureLog(ILogger<CommandFailureLog> logger) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Log(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(command, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="exception"/> is PostgreSQL refusing a write for a conflict: a constraint, serialization or a deadlock.</summary>
    private static bool IsConflict(Exception exception) =>
        exception is PostgresException { SqlState: var state }
        && (state.StartsWith("23", StringComparison.Ordinal) || state is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected);

    private void Log(DbCommand command, Exception exception)
    {
        if (IsConflict(exception))
        {
            LogConflict(((PostgresException)exception).SqlState, ((PostgresException)exception).ConstraintName, command.CommandText);
        }
        else
        {
            LogFailed(exception, command.CommandText);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database conflict {SqlState} (constraint {Constraint}) in: {CommandText}")]
    private partial void LogConflict(string sqlState, string? constraint, string commandText);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database command failed: {CommandText}")]
    private partial void LogFailed(Exception exception, string commandText);
}
