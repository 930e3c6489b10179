using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;

namespace Perf.Fixtures.Containers;

/// <summary>
/// Loopback-only networking: free loopback ports for host-networked containers (which cannot publish ports), and
/// in bridge mode published ports bound to 127.0.0.1 instead of Docker's default 0.0.0.0, which would expose the
/// SUT's Redis and API on every interface of a laptop or CI runner.
/// </summary>
public static class LoopbackPorts
{
    public const string PublishAddress = "127.0.0.1";

    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A create-parameter modifier: every published port listens on <see cref="PublishAddress"/>. Testcontainers builds
    /// the port bindings without a host IP (Docker then takes 0.0.0.0) and applies modifiers last, so this sees them all.
    /// </summary>
    public static void BindPublishedPorts(CreateContainerParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? [])
        {
            binding.HostIP = PublishAddress;
        }
    }
}
