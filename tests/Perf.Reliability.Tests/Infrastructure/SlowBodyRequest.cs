using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// A POST that announces a body and then stalls (a slow client): with request timeouts in force the server answers or
/// closes the connection by itself; without them it would hold the connection for as long as the client waits.
/// </summary>
internal static class SlowBodyRequest
{
    public static async Task<(string? StatusLine, TimeSpan Elapsed)> SendAsync(Uri api, TimeSpan clientPatience)
    {
        using var tcp = new TcpClient();
        using var patience = new CancellationTokenSource(clientPatience);
        await tcp.ConnectAsync(IPAddress.Loopback, api.Port, patience.Token);
        var stream = tcp.GetStream();
        var head = $"POST /payments HTTP/1.1\r\nHost: 127.0.0.1:{api.Port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"amount\":";
        var watch = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), patience.Token);
        var buffer = new byte[4096];
        try
        {
            var read = await stream.ReadAsync(buffer, patience.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            return (read == 0 ? "(connection closed by the server)" : text.Split("\r\n")[0], watch.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return (null, watch.Elapsed);
        }
        catch (IOException)
        {
            return ("(connection reset by the server)", watch.Elapsed);
        }
    }
}
