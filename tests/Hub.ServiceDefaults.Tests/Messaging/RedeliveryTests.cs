using Hub.Testing;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Messaging;

public sealed class RedeliveryTests
{
    [Fact]
    public async Task FailingConsumer_IsRetriedThenRedeliveredThenMovedToTheErrorQueue()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Messaging:RetryLimit"] = "1",
            ["Messaging:Redelivery:0"] = "00:00:00.300",
            ["Messaging:Redelivery:1"] = "00:00:00.300",
        });

        await host.CommitAsync("bad lot", new NoteRejected("bad lot"));

        // (1 attempt + 1 retry) × (first delivery + 2 redeliveries)
        await Eventually.TrueAsync(
            async () => await host.VirtualHost.MessagesNowAsync("outbox-test-failing_error") == 1,
            TimeSpan.FromSeconds(60),
            "the message lands in the error queue");
        (await host.CountAsync(db => db.OutboxMessages.Where(m => m.RedeliveryCount > 0))).ShouldBe(2);
        (await host.VirtualHost.MessagesNowAsync("outbox-test-failing_skipped")).ShouldBe(0, "a redelivered attempt leaves no copy behind");
        string.Join(",", host.Deliveries.FailedAttempts.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")).ShouldBe("bad lot #0=2,bad lot #1=2,bad lot #2=2");
        (await host.CountAsync(db => db.InboxMessages.Where(m => m.Consumer == "outbox-test-failing"))).ShouldBe(0, "no attempt of the failing consumer committed");

        // Five attempts were retried or redelivered; only the last, given up, is reported as a fault and published.
        host.Deliveries.Faults.ShouldBe(["NoteRejected: This consumer always fails."]);
        await Eventually.TrueAsync(() => Task.FromResult(!host.Deliveries.PublishedFaults.IsEmpty), TimeSpan.FromSeconds(10), "the fault is published");
        await Task.Delay(TimeSpan.FromSeconds(1));
        host.Deliveries.PublishedFaults.ShouldBe(["bad lot"]);
    }

    [Fact]
    public async Task RedeliveryTheDatabaseDoesNotTakeAtOnce_IsSavedOnceItAnswers_NotMovedToTheErrorQueue()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Messaging:RetryLimit"] = "1",
            ["Messaging:Redelivery:0"] = "00:00:00.300",
        });
        var admin = new NpgsqlConnectionStringBuilder(host.Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var database = host.Database.Name;
        var outageOver = new TaskCompletionSource();
        host.Deliveries.Outage = async () =>
        {
            // The database refuses connections and drops the ones it has, for two seconds: the retry and the save of the
            // redelivery meet it.
            await AdminAsync(admin, $"ALTER DATABASE \"{database}\" CONNECTION LIMIT 0");
            await AdminAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                await AdminAsync(admin, $"ALTER DATABASE \"{database}\" CONNECTION LIMIT -1");
                // The pooled connections the outage dropped are not handed to this test's own queries.
                NpgsqlConnection.ClearAllPools();
                outageOver.SetResult();
            });
        };

        await host.CommitAsync("fails-in-outage", new NoteRejected("fails-in-outage"));

        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("fails-in-outage")), TimeSpan.FromSeconds(60), "the redelivery handles the note");
        outageOver.Task.IsCompleted.ShouldBeTrue();
        (await host.VirtualHost.MessagesNowAsync("outbox-test-failing_error")).ShouldBe(0);
        (await host.CountAsync(db => db.OutboxMessages.Where(m => m.RedeliveryCount == 1))).ShouldBeGreaterThanOrEqualTo(1);
        host.Deliveries.Faults.ShouldBeEmpty();
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task AttemptThatARetryMends_ReportsNoFault()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:Redelivery:0"] = "00:00:00.100",
        });

        await host.CommitAsync("fails-once", new NoteRejected("fails-once"));

        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("fails-once")), TimeSpan.FromSeconds(30), "the retry handles the note");
        await Eventually.TrueAsync(async () => await host.CountAsync(db => db.InboxMessages) == 1, TimeSpan.FromSeconds(10), "the inbox records it handled");
        host.Deliveries.FailedAttempts["fails-once #0"].ShouldBe(1);

        // A note that is given up after it: its fault, published later than any the mended attempt could have caused,
        // is the only one that arrives.
        await host.CommitAsync("bad lot", new NoteRejected("bad lot"));
        await Eventually.TrueAsync(() => Task.FromResult(!host.Deliveries.PublishedFaults.IsEmpty), TimeSpan.FromSeconds(30), "the given-up note's fault is published");
        // The consume observer hears of the fault on its own schedule, not necessarily before the fault is consumed.
        await Eventually.TrueAsync(() => Task.FromResult(!host.Deliveries.Faults.IsEmpty), TimeSpan.FromSeconds(10), "the given-up note's fault is observed");
        host.Deliveries.PublishedFaults.ShouldBe(["bad lot"]);
        host.Deliveries.Faults.ShouldBe(["NoteRejected: This consumer always fails."]);
    }
}
