using System.Net;
using System.Net.Sockets;

namespace Perf.Fixtures.Containers;

/// <summary>Free loopback ports for host-networked containers (which cannot publish ports).</summary>
public static class LoopbackPorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
