using System.Net.Http.Headers;
using Grpc.Net.Client;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Testing;

/// <summary>
/// One service hosted in-process (see <see cref="ServiceFactory{TMarker}"/>) on a migrated database and a virtual host
/// of its own, and what every service's tests reach it by: HTTP clients carrying a token, a gRPC channel, a context on
/// its database, its bus. Disposing it stops the service and drops the database and the virtual host.
/// </summary>
/// <typeparam name="TContext">The service's DbContext.</typeparam>
public sealed class InProcessService<TContext> : IAsyncDisposable
    where TContext : ServiceDbContext
{
    private readonly TestDatabase _database;
    private readonly TestVirtualHost _vhost;
    private readonly ServiceFactory<TContext> _root;

    private InProcessService(TestDatabase database, TestVirtualHost vhost, ServiceFactory<TContext> root, WebApplicationFactory<TContext> host)
    {
        _database = database;
        _vhost = vhost;
        _root = root;
        Host = host;
        Channel = GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
    }

    /// <summary>The running service.</summary>
    public WebApplicationFactory<TContext> Host { get; }

    /// <summary>A gRPC channel to the service, for its generated clients.</summary>
    public GrpcChannel Channel { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Creates the database and virtual host, migrates, and starts the service once its bus is connected.</summary>
    /// <param name="configurationName">The service's name in configuration (<c>Payment</c>, <c>TaxRefund</c>, …); the database is named after it.</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="testServices">Registrations that replace the service's own (a clock, say).</param>
    public static async Task<InProcessService<TContext>> StartAsync(
        string configurationName, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        var database = await TestDatabase.CreateAsync(configurationName.ToLowerInvariant());
        TestVirtualHost? vhost = null;
        ServiceFactory<TContext>? root = null;
        try
        {
            await database.MigrateAsync<TContext>();
            vhost = await TestVirtualHost.CreateAsync();
            root = new ServiceFactory<TContext>(configurationName, database, vhost, settings);
            var host = testServices is null ? root : root.WithWebHostBuilder(b => b.ConfigureTestServices(testServices));
            return new InProcessService<TContext>(database, vhost, root, host);
        }
        catch
        {
            if (root is not null)
            {
                await root.DisposeAsync();
            }

            if (vhost is not null)
            {
                await vhost.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client to the service, with <paramref name="token"/> as its bearer token when given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = Host.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A context on the service's database, outside the service.</summary>
    public TContext Db() => _database.CreateContext<TContext>();

    /// <summary>Publishes <paramref name="message"/> on the service's virtual host, as the service that owns it would.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>
    /// Publishes <paramref name="message"/> on this hub's bus as the gateway does for a partner hub's message, with the
    /// verified sender in the source-hub header (none when <paramref name="sourceHub"/> is null).
    /// </summary>
    public Task PublishAsync<T>(T message, string? sourceHub, Guid? messageId = null)
        where T : class => Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            context.MessageId = messageId ?? Guid.NewGuid();
            if (sourceHub is not null)
            {
                context.Headers.Set(FederatedMessage.SourceHubHeader, sourceHub);
            }
        });

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!ReferenceEquals(Host, _root))
        {
            await Host.DisposeAsync();
        }

        await _root.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }
}
