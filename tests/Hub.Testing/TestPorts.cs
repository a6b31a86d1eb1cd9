using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>Loopback addresses for processes a test or benchmark starts on real Kestrel endpoints.</summary>
/// <remarks>
/// The ports come from below the kernel's ephemeral range. A port the kernel hands out (bind to port 0) is free only
/// until it hands the same port to an outgoing connection — to PostgreSQL, RabbitMQ or another service — and a hub
/// process that starts seconds later (after its migrations) then fails with "address already in use". Below the
/// ephemeral range only explicit listeners take ports, and each port is tried before it is handed out. Each process
/// starts at a random place in the range and never hands out the same port twice.
/// </remarks>
public static class TestPorts
{
    private const int Lowest = 20000;
    private static readonly (int First, int Count) Range = FindRange();
    private static int _next = Random.Shared.Next(Range.Count);

    /// <summary>
    /// An http://127.0.0.1 address on a port nothing listens on right now: free to bind, or, left unbound, a
    /// destination that refuses connections.
    /// </summary>
    public static string FreeAddress() => $"http://127.0.0.1:{FreePort()}";

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        if (Range.Count == 0)
        {
            return TryBind(0) ?? throw new InvalidOperationException("No loopback port could be bound.");
        }

        for (var tried = 0; tried < Range.Count; tried++)
        {
            var port = Range.First + (int)((uint)Interlocked.Increment(ref _next) % (uint)Range.Count);
            if (TryBind(port) is { } free)
            {
                return free;
            }
        }

        throw new InvalidOperationException($"Every loopback port from {Range.First} to {Range.First + Range.Count - 1} is taken.");
    }

    private static int? TryBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>The ports from <see cref="Lowest"/> up to the ephemeral range; none where that range starts lower.</summary>
    private static (int First, int Count) FindRange()
    {
        var ephemeralFirst = 32768;
        const string path = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(path))
        {
            var fields = File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                ephemeralFirst = first;
            }
        }

        return ephemeralFirst - Lowest >= 1000 ? (Lowest, ephemeralFirst - Lowest) : (0, 0);
    }
}
