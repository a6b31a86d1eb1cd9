using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Tests.Messaging;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Data;

/// <summary>A service's database context as <see cref="DatabaseRegistration"/> registers it, on a database of its own.</summary>
public sealed class CommandFailureLogTests : IAsyncLifetime
{
    private readonly RecordingLogs _logs = new();
    private TestDatabase _database = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("command-failures");
        await using (var db = _database.CreateContext<TestDbContext>())
        {
            await db.Database.EnsureCreatedAsync();
        }

        _app = Build(_database.ConnectionString, _logs);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AKeyTwoWritersRaceFor_IsLoggedAsAConflict_NotAnError()
    {
        await SaveNoteAsync(1);

        var refused = await Should.ThrowAsync<DbUpdateException>(() => SaveNoteAsync(1));

        refused.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        _logs.Records.ShouldNotContain(r => r.Level >= LogLevel.Warning, "a conflict the service answers is not an operator's error");
        _logs.Of<CommandFailureLog>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Item1.ShouldBe(LogLevel.Debug),
            r => r.Item2.ShouldContain("23505"),
            r => r.Item2.ShouldContain("pk_notes", Case.Insensitive));
    }

    [Fact]
    public async Task AnyOtherFailure_IsOneError()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();

        await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("SELECT 1 / 0"));

        var error = _logs.Records.Where(r => r.Level >= LogLevel.Warning).ShouldHaveSingleItem();
        error.Category.ShouldBe(typeof(CommandFailureLog).FullName);
        error.Level.ShouldBe(LogLevel.Error);
        error.Exception.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.DivisionByZero);
        error.Message.ShouldContain("1 / 0");
    }

    [Fact]
    public async Task AQueryFailingInTheDatabase_IsOneError()
    {
        await SaveNoteAsync(1);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();

        await Should.ThrowAsync<PostgresException>(() => db.Notes.Where(n => n.Id / (n.Id - n.Id) > 0).ToListAsync());

        var error = _logs.Records.Where(r => r.Level >= LogLevel.Warning).ShouldHaveSingleItem("EF Core's query failure is not logged beside the command's");
        error.Category.ShouldBe(typeof(CommandFailureLog).FullName);
        error.Exception.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.DivisionByZero);
    }

    [Fact]
    public async Task DatabaseUnreachable_IsOneWarningLinePerAttempt()
    {
        var port = TestPorts.FreePort();
        var unreachable = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = port, Timeout = 2 }.ConnectionString;
        var logs = new RecordingLogs();
        await using var app = Build(unreachable, logs);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var failed = await Should.ThrowAsync<InvalidOperationException>(() => db.Notes.ToListAsync());
            failed.InnerException.ShouldBeOfType<NpgsqlException>();
        }

        logs.Records.ShouldNotContain(r => r.Level >= LogLevel.Error, "the readiness log reports the outage; a request meeting it is no error of its own");
        var warnings = logs.Records.Where(r => r.Level == LogLevel.Warning).ToList();
        warnings.Count.ShouldBe(2);
        warnings.ShouldAllBe(w => w.Category == typeof(CommandFailureLog).FullName && w.Exception == null
            && w.Message.StartsWith($"Database connection to tcp://127.0.0.1:{port}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrationHistoryReadBeforeItsTableExists_IsNoError()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();

        // A fresh database, as a service's first `migrate` meets it: EF Core reads the history to find its table missing.
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty();

        _logs.Records.ShouldNotContain(r => r.Level >= LogLevel.Warning);
        _logs.Of<CommandFailureLog>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Item1.ShouldBe(LogLevel.Debug),
            r => r.Item2.ShouldContain(PostgresErrorCodes.UndefinedTable),
            r => r.Item2.ShouldContain("__EFMigrationsHistory"));
    }

    [Fact]
    public async Task TransactionItsCallerStoppedWaitingFor_IsNoError()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notes.Add(new Note { Id = 7, Text = "never committed" });
        await db.SaveChangesAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => transaction.CommitAsync(new CancellationToken(canceled: true)));

        _logs.Records.ShouldNotContain(r => r.Level >= LogLevel.Warning, "the caller gave up; the database did nothing wrong");
        _logs.Of<CommandFailureLog>().ShouldHaveSingleItem().ShouldBe((LogLevel.Debug, "Database transaction's Commit cancelled: its caller stopped waiting"));
    }

    /// <summary>A service's host on <paramref name="connectionString"/>, every record from debug up kept in <paramref name="logs"/>.</summary>
    private static WebApplication Build(string connectionString, RecordingLogs logs)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(TestSecurity.Settings().Concat(
        [
            new("Hub:Id", "KR"),
            new("ConnectionStrings:FailureTest", connectionString),
            new("Messaging:Outbox:Enabled", "false"),
        ]));
        builder.AddServiceDefaults("failure-test");
        builder.AddServiceDatabase<TestDbContext>();
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        return builder.Build();
    }

    private async Task SaveNoteAsync(int id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        db.Notes.Add(new Note { Id = id, Text = $"note {id}" });
        await db.SaveChangesAsync();
    }
}
