using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Messaging.Outbox;

public sealed class OutboxRelayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Commit_WithEvent_IsPublishedAndHandledOnce()
    {
        await using var host = await MessagingTestHost.StartAsync();

        await host.CommitAsync("first lot listed");

        // The consumer's work commits with its inbox record, and the relay marks the row after the broker confirms:
        // both land shortly after the consumer has run.
        await Eventually.TrueAsync(
            async () => await host.CountAsync(db => db.HandledNotes) == 1 && await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null)) == 0,
            Patience,
            "the event is consumed and marked sent");
        host.Deliveries.Handled.Count(t => t == "first lot listed").ShouldBe(1);
    }

    [Fact]
    public async Task Commit_WakesTheRelayWithoutWaitingForThePoll()
    {
        var prompt = TimeSpan.FromSeconds(5);
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?> { ["Messaging:Outbox:PollInterval"] = "00:10:00" });
        await host.CommitAsync("saved on its own");
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("saved on its own")), prompt, "the event is consumed");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = "saved in a transaction" });
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(new NoteWritten("saved in a transaction"));
            await db.SaveChangesAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            host.Deliveries.Handled.ShouldNotContain("saved in a transaction");
            await transaction.CommitAsync();
        }

        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("saved in a transaction")), prompt, "the event is consumed after its commit");
    }

    [Fact]
    public async Task CommitWhileABatchAwaitsConfirmation_IsPublishedWithoutWaitingForIt()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await MessagingTestHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:Outbox:PollInterval"] = "00:10:00", ["Messaging:Outbox:DispatchTimeout"] = "00:01:00" },
            services: s =>
            {
                var registered = s.Single(d => d.ServiceType == typeof(IOutboxDispatcher));
                s.Remove(registered);
                s.AddSingleton<IOutboxDispatcher>(sp => new HeldDispatcher(
                    (IOutboxDispatcher)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), "slow to confirm", held.Task));
            });

        var slow = await host.CommitAsync("slow to confirm");
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("slow to confirm")), Patience, "the first event reaches the broker");
        await host.CommitAsync("committed meanwhile");

        // The first batch still holds its row and waits; once it has waited StragglerAfter, another batch relays the second.
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("committed meanwhile")), TimeSpan.FromSeconds(5), "the later event is consumed");
        await Eventually.TrueAsync(
            async () => await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null && m.MessageId == slow)) == 1
                && await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null)) == 1,
            Patience,
            "the later row is marked sent while the first still waits");

        held.SetResult();
        await Eventually.TrueAsync(async () => await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null)) == 0, Patience, "both rows are marked sent");
        host.Deliveries.Handled.Count.ShouldBe(2);
    }

    [Fact]
    public async Task CommitsFasterThanTheBatchInterval_GoOutTogetherInTheNextBatch()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Messaging:Outbox:PollInterval"] = "00:10:00",
            ["Messaging:Outbox:BatchInterval"] = "00:00:03",
        });

        // The interval runs from the start of the first batch: the later commits follow as soon as its row is marked.
        await host.CommitAsync("after a quiet spell");
        await Eventually.TrueAsync(async () => await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt != null)) == 1, Patience, "the first row is marked sent");

        // Each in a transaction of its own, within the interval of the first batch: the relay waits for the interval,
        // then claims them all at once, so they are marked sent by the same batch.
        Guid[] gathered = [await host.CommitAsync("second"), await host.CommitAsync("third"), await host.CommitAsync("fourth")];
        await Eventually.TrueAsync(async () => await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null)) == 0, Patience, "every row is marked sent");

        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<TestDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        var first = rows.Single(r => !gathered.Contains(r.MessageId));
        var later = rows.Where(r => gathered.Contains(r.MessageId)).ToList();
        later.Select(r => r.SentAt).Distinct().Count().ShouldBe(1, "the three later commits are marked sent by one batch");
        (later[0].SentAt!.Value - first.SentAt!.Value).ShouldBeGreaterThan(TimeSpan.FromSeconds(2), "the batch waited out the interval");
    }

    [Fact]
    public async Task RolledBackTransaction_PublishesNothing()
    {
        await using var host = await MessagingTestHost.StartAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = "rolled back" });
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(new NoteWritten("rolled back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // Messages are relayed in commit order, so once a later commit has been consumed the earlier one would have been too.
        await host.CommitAsync("committed later");
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("committed later")), Patience, "the later event is consumed");
        host.Deliveries.Handled.ShouldNotContain("rolled back");
        (await host.CountAsync(db => db.OutboxMessages)).ShouldBe(1);
    }

    [Fact]
    public async Task RelayDiesAfterPublishingBeforeMarking_MessageIsDeliveredAgainAndHandledOnce()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?> { ["Messaging:Outbox:Enabled"] = "false" });
        var messageId = await host.CommitAsync("published twice");
        var bus = host.Services.GetRequiredService<IOutboxDispatcher>();
        using var death = new CancellationTokenSource();

        // The dispatcher confirms the publish, then the relay's process "dies" before its marking commit.
        var dying = Relay(host, new AfterDispatch(bus, death.Cancel));
        await Should.ThrowAsync<OperationCanceledException>(() => dying.RelayBatchAsync(death.Token));
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Contains("published twice")), Patience, "the first publish is consumed");
        (await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null))).ShouldBe(1);

        var restarted = Relay(host, bus);
        (await restarted.RelayBatchAsync(CancellationToken.None)).ShouldBe(new OutboxBatchResult(1, 0));

        await Eventually.TrueAsync(
            async () => await host.CountAsync(db => db.InboxMessages.Where(m => m.MessageId == messageId)) == 1 && host.Deliveries.Received >= 2,
            Patience,
            "the second delivery reaches the inbox");
        host.Deliveries.Handled.Count(t => t == "published twice").ShouldBe(1);
        (await host.CountAsync(db => db.HandledNotes)).ShouldBe(1);

        // The duplicate is taken off the queue as handled, not moved to the endpoint's _skipped queue (a receive is
        // observed as done once the message is settled, so both queues can be read at once).
        (await host.VirtualHost.MessagesNowAsync("outbox-test-recording_skipped")).ShouldBe(0);
        (await host.VirtualHost.MessagesNowAsync("outbox-test-recording")).ShouldBe(0);
    }

    [Fact]
    public async Task TwoRelaysAtOnce_NeverDispatchTheSameRow()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?> { ["Messaging:Outbox:Enabled"] = "false" });
        const int count = 1500;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Publish(new NoteWritten($"note {i}"));
            }

            await db.SaveChangesAsync();
        }

        var first = new RecordingDispatcher();
        var second = new RecordingDispatcher();
        await Task.WhenAll(Drain(Relay(host, first, batchSize: 50)), Drain(Relay(host, second, batchSize: 50)));

        var all = first.Dispatched.Concat(second.Dispatched).ToList();
        all.Count.ShouldBe(count);
        all.Distinct().Count().ShouldBe(count);
        first.Dispatched.ShouldNotBeEmpty();
        second.Dispatched.ShouldNotBeEmpty();
        (await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task BrokerDown_CommittedMessages_AreDeliveredAfterItComesBack()
    {
        var servers = await TestServers.GetAsync();
        await using var proxy = new TcpProxy(servers.RabbitMq.Host, servers.RabbitMq.Port);
        await using var host = await MessagingTestHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:Outbox:DispatchTimeout"] = "00:00:02" }, brokerPort: proxy.Port);

        proxy.Stop();
        for (var i = 0; i < 5; i++)
        {
            await host.CommitAsync($"during outage {i}");
        }

        await Eventually.TrueAsync(
            async () => await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null && m.Attempts > 0)) == 5,
            Patience,
            "the relay has tried and failed while the broker is away");
        host.Deliveries.Handled.ShouldBeEmpty();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<TestDbContext>().OutboxMessages.Select(m => m.LastError).ToListAsync();
            errors.ShouldAllBe(e => e != null && e.StartsWith("No confirmation from the broker within 2 s"), "each row says why it waits");
        }

        proxy.Start();
        await Eventually.TrueAsync(() => Task.FromResult(host.Deliveries.Handled.Count == 5), TimeSpan.FromSeconds(90), "every message is consumed after recovery");
        host.Deliveries.Handled.Order().ShouldBe(Enumerable.Range(0, 5).Select(i => $"during outage {i}"));
        (await host.CountAsync(db => db.OutboxMessages.Where(m => m.SentAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task DatabaseDown_TheRelayWaitsLongerAfterEachFailure()
    {
        var servers = await TestServers.GetAsync();
        var postgres = new NpgsqlConnectionStringBuilder(servers.Postgres);
        await using var proxy = new TcpProxy(postgres.Host!, postgres.Port);
        var logs = new RecordingLogs();
        await using var host = await MessagingTestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs), databasePort: proxy.Port);

        proxy.Stop();
        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Of<OutboxRelayService>().Any(r => r.Item2.Contains("(3 in a row)", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            "the relay has failed three times in a row, backing off further each time");
        proxy.Start();

        var failures = logs.Records.Where(r => r.Category == typeof(OutboxRelayService).FullName && r.Message.StartsWith("Outbox relay failed", StringComparison.Ordinal)).ToList();
        failures.Count.ShouldBe(3, "a scan every poll interval (0.5 s here) would have failed about 10 times in the 2 + 4 s of back-off");
        // One line each, beside the connection's own warning: an outage is no error of the relay's and has no stack.
        failures.ShouldAllBe(r => r.Level == LogLevel.Warning && r.Exception == null && r.Message.Contains("the database does not answer"));
    }

    [Fact]
    public async Task BatchFailingForOneReason_IsOneWarning()
    {
        await using var host = await MessagingTestHost.StartAsync(new Dictionary<string, string?> { ["Messaging:Outbox:Enabled"] = "false" });
        for (var i = 0; i < 5; i++)
        {
            await host.CommitAsync($"while the broker is away {i}");
        }

        var logs = new RecordingLogs();
        var relay = Relay(host, new RefusingDispatcher(), logger: new Logger<OutboxRelay>(logs));
        (await relay.RelayBatchAsync(CancellationToken.None)).ShouldBe(new OutboxBatchResult(5, 5));

        var records = logs.Of<OutboxRelay>();
        var warning = records.Where(r => r.Item1 >= LogLevel.Warning).ShouldHaveSingleItem();
        warning.Item2.ShouldStartWith("5 of 5 outbox messages failed, tried again later (attempt 1 at most; the first ");
        warning.Item2.ShouldEndWith("): InvalidOperationException: The broker is away.");
        records.Count(r => r.Item1 == LogLevel.Debug && r.Item2.Contains("failed attempt 1", StringComparison.Ordinal)).ShouldBe(5, "each message's own record is debug");
    }

    private static OutboxRelay Relay(MessagingTestHost host, IOutboxDispatcher dispatcher, int batchSize = 200, ILogger<OutboxRelay>? logger = null) => new(
        host.Services.GetRequiredService<IServiceScopeFactory>(),
        dispatcher,
        host.Services.GetRequiredService<OutboxMetrics>(),
        Options.Create(new OutboxRelayOptions { BatchSize = batchSize }),
        TimeProvider.System,
        logger ?? NullLogger<OutboxRelay>.Instance);

    private sealed class RefusingDispatcher : IOutboxDispatcher
    {
        public Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("The broker is away."));
    }

    private static async Task Drain(OutboxRelay relay)
    {
        while ((await relay.RelayBatchAsync(CancellationToken.None)).Claimed > 0)
        {
        }
    }

    private sealed class AfterDispatch(IOutboxDispatcher inner, Action then) : IOutboxDispatcher
    {
        public async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await inner.DispatchAsync(message, CancellationToken.None);
            then();
        }
    }

    // Publishes, then keeps the broker's confirmation of one message back until released.
    private sealed class HeldDispatcher(IOutboxDispatcher inner, string text, Task release) : IOutboxDispatcher
    {
        public async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await inner.DispatchAsync(message, cancellationToken);
            if (message.Body.Contains(text, StringComparison.Ordinal))
            {
                await release.WaitAsync(cancellationToken);
            }
        }
    }

    private sealed class RecordingDispatcher : IOutboxDispatcher
    {
        public System.Collections.Concurrent.ConcurrentBag<Guid> Dispatched { get; } = [];

        public async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            Dispatched.Add(message.MessageId);
        }
    }
}
