using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>A bare RESP exchange on 127.0.0.1, without any client library that might authenticate on its own.</summary>
internal static class RawRedis
{
    public static async Task<string> SendAsync(int port, string command)
    {
        using var tcp = new TcpClient();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await tcp.ConnectAsync(IPAddress.Loopback, port, bound.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), bound.Token);
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer, bound.Token);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd('\r', '\n');
    }
}
