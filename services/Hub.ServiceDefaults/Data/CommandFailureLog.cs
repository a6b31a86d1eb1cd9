using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.ServiceDefaults.Data;

/// <summary>
/// Logs a failed database command at the level its cause deserves, in place of EF Core, which logs every one as an
/// error with its stack. A constraint refusing a row (a key two requests raced for, a reference, a check) or a
/// transaction PostgreSQL could not serialize is how the services find a conflict they then answer or try again: debug,
/// kept out of the operators' errors (a benchmark's bookings racing for a lane's pool left sixty there). So is EF Core
/// reading the migration history of a database that has none yet, which is how a service's first migration finds out.
/// Anything else (a lost connection, a value out of range, a statement PostgreSQL refused) stays an error. A transaction
/// that fails to begin, commit or roll back is logged the same way, and at debug when its caller stopped waiting (a gRPC
/// deadline, a request given up): cancellation is the caller's choice, not a fault of the database. A connection that
/// cannot be opened is one warning line with PostgreSQL's or the socket's reason: while the database is away every
/// request meets it, and the readiness log reports the outage itself (EF Core logged two errors with stacks per request,
/// one for the connection and one for the query).
/// </summary>
internal sealed partial class CommandFailureLog(ILogger<CommandFailureLog> logger) : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Log(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(command, eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => LogConnection(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LogConnection(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LogTransaction(eventData.Action, eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LogTransaction(eventData.Action, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>
    /// PostgreSQL's refusal of a write for a conflict (a constraint, serialization or a deadlock) when that is what
    /// <paramref name="exception"/> is; otherwise null.
    /// </summary>
    private static PostgresException? Conflict(Exception exception) =>
        exception is PostgresException { SqlState: var state } refusal
        && (state.StartsWith("23", StringComparison.Ordinal) || state is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
            ? refusal
            : null;

    /// <summary>Whether <paramref name="command"/> is EF Core reading a migration history whose table is not there yet.</summary>
    private static bool IsFirstHistoryRead(DbCommand command, Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable }
        && command.CommandText.Contains(HistoryRepository.DefaultTableName, StringComparison.Ordinal);

    private void Log(DbCommand command, Exception exception)
    {
        if (Conflict(exception) is { } conflict)
        {
            LogConflict(conflict.SqlState, conflict.ConstraintName, command.CommandText);
        }
        else if (IsFirstHistoryRead(command, exception))
        {
            LogNoHistoryYet(PostgresErrorCodes.UndefinedTable, command.CommandText);
        }
        else
        {
            LogFailed(exception, command.CommandText);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database conflict {SqlState} (constraint {Constraint}) in: {CommandText}")]
    private partial void LogConflict(string sqlState, string? constraint, string commandText);

    private void LogConnection(DbConnection connection, Exception exception)
    {
        // An open its caller gave up is no failure of the database.
        if (exception is OperationCanceledException)
        {
            return;
        }

        LogConnectionFailed(connection.DataSource, connection.Database, exception.GetBaseException().Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database connection to {DataSource}/{Database} failed: {Reason}")]
    private partial void LogConnectionFailed(string dataSource, string database, string reason);

    private void LogTransaction(string action, Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            LogTransactionCancelled(action);
        }
        else if (Conflict(exception) is { } conflict)
        {
            LogTransactionConflict(action, conflict.SqlState);
        }
        else
        {
            LogTransactionFailed(exception, action);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database transaction's {Action} cancelled: its caller stopped waiting")]
    private partial void LogTransactionCancelled(string action);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database conflict {SqlState} at the transaction's {Action}")]
    private partial void LogTransactionConflict(string action, string sqlState);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database transaction's {Action} failed")]
    private partial void LogTransactionFailed(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No migration history yet ({SqlState}) in: {CommandText}")]
    private partial void LogNoHistoryYet(string sqlState, string commandText);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database command failed: {CommandText}")]
    private partial void LogFailed(Exception exception, string commandText);
}
