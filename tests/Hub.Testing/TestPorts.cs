using System.Net;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>Loopback addresses for processes a test or benchmark starts on real Kestrel endpoints.</summary>
public static class TestPorts
{
    /// <summary>
    /// An http://127.0.0.1 address on a port nothing listens on right now: free to bind, or, left unbound, a
    /// destination that refuses connections.
    /// </summary>
    public static string FreeAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
