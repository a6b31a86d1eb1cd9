using System.Net;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>
/// A loopback TCP forwarder a test can cut and restore, to take a server away from one client (a broker outage
/// for one bus) without stopping the server other tests share; or hold, so that what either side sends waits in the
/// proxy while the connections stay open (a server that stopped answering).
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private volatile TaskCompletionSource _flowing = Flowing();

    /// <summary>Starts forwarding from a free loopback port to the target.</summary>
    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        // Not a port of the kernel's ephemeral range: the proxy listens on it again after an outage.
        Port = TestPorts.FreePort();
        Start();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Accepts and forwards connections again.</summary>
    public void Start()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Refuses new connections and resets the open ones, as a dead server would.</summary>
    public void Stop()
    {
        _running?.Cancel();
        _listener?.Stop();
        lock (_lock)
        {
            foreach (var connection in _connections)
            {
                // A zero linger resets the connection, so the client notices at once rather than on its next heartbeat.
                try
                {
                    connection.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                    // Its pump closed it already, the other side having gone.
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    /// <summary>Keeps what either side sends in the proxy, the connections open, until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            if (_flowing.Task.IsCompleted)
            {
                _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Forwards what was held, and what comes, again.</summary>
    public void Release() => _flowing.TrySetResult();

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, cancellationToken);
            }
            catch (Exception)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_lock)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client, server, cancellationToken);
            _ = PumpAsync(server, client, cancellationToken);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await _flowing.Task.WaitAsync(cancellationToken);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception)
        {
            // Either side went away; closing both ends is all that is left to do.
        }

        from.Dispose();
        to.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Release();
        Stop();
        return ValueTask.CompletedTask;
    }
}
