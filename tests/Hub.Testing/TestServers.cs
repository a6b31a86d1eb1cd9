using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Hub.Testing;

/// <summary>
/// The PostgreSQL and RabbitMQ servers tests run against: the ones named by <c>HUB_TEST_POSTGRES</c> and
/// <c>HUB_TEST_RABBITMQ</c> (which <c>./hub test</c> sets), else containers where Docker is available.
/// Each test then takes an isolated database and virtual host of its own.
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);

    private TestServers(string postgres, Uri rabbitMq, Uri management)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
        RabbitMqManagement = management;
    }

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string Postgres { get; }

    /// <summary>AMQP address with credentials, e.g. <c>amqp://hub:hub@127.0.0.1:5672</c>.</summary>
    public Uri RabbitMq { get; }

    /// <summary>Management API address with the same credentials.</summary>
    public Uri RabbitMqManagement { get; }

    /// <summary>The broker user.</summary>
    public string RabbitMqUser => Uri.UnescapeDataString(RabbitMq.UserInfo.Split(':')[0]);

    /// <summary>The broker password.</summary>
    public string RabbitMqPassword => Uri.UnescapeDataString(RabbitMq.UserInfo.Split(':')[1]);

    /// <summary>The servers of this test run, started or found once.</summary>
    public static Task<TestServers> GetAsync() => Shared.Value;

    private static async Task<TestServers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("HUB_TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            var amqp = new Uri(rabbit);
            var management = Environment.GetEnvironmentVariable("HUB_TEST_RABBITMQ_MANAGEMENT") is { Length: > 0 } m
                ? new Uri(m)
                : new UriBuilder("http", amqp.Host, 15672) { UserName = amqp.UserInfo.Split(':')[0], Password = amqp.UserInfo.Split(':')[1] }.Uri;
            return new TestServers(MaintenanceDatabase(postgres), amqp, management);
        }

        return await StartContainersAsync();
    }

    // Databases are created and dropped from the server's maintenance database.
    private static string MaintenanceDatabase(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;

    private static async Task<TestServers> StartContainersAsync()
    {
        try
        {
            var postgres = new PostgreSqlBuilder("postgres:15").WithUsername("hub").WithPassword("hub").Build();
            var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithUsername("hub").WithPassword("hub")
                .WithPortBinding(15672, assignRandomHostPort: true).Build();
            await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
            var server = MaintenanceDatabase(postgres.GetConnectionString());
            var amqp = new Uri(rabbit.GetConnectionString());
            var management = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(15672)) { UserName = "hub", Password = "hub" }.Uri;
            return new TestServers(server, amqp, management);
        }
        catch (Exception ex) when (ex is DockerUnavailableException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "No test servers: set HUB_TEST_POSTGRES (e.g. 'Host=127.0.0.1;Port=5432;Username=hub;Password=hub;SSL Mode=Disable') and " +
                "HUB_TEST_RABBITMQ (e.g. 'amqp://hub:hub@127.0.0.1:5672') to running servers — './hub test' starts them and sets both — " +
                "or run where Docker is available so Testcontainers can start them.", ex);
        }
    }
}
