using System.Globalization;
using System.Net.Sockets;

namespace Perf.Engine.Running;

/// <summary>Maps transport exceptions and status codes to <see cref="ErrorKind"/>.</summary>
internal static class ErrorClassifier
{
    public static ErrorKind FromException(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => ErrorKind.ConnectionRefused,
                    SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => ErrorKind.ConnectionReset,
                    SocketError.TimedOut => ErrorKind.Timeout,
                    _ => ErrorKind.Network,
                };
            }
        }

        // The server closing a keep-alive connection mid-response surfaces without a SocketException.
        return exception is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
            ? ErrorKind.ConnectionReset
            : ErrorKind.Network;
    }

    /// <summary>4xx/5xx first (more telling than "unexpected"), then the step's expectation.</summary>
    public static ErrorKind? FromStatus(int status, int[] expected) => status switch
    {
        >= 500 => ErrorKind.Http5xx,
        >= 400 when expected.Length == 0 || Array.IndexOf(expected, status) < 0 => ErrorKind.Http4xx,
        _ when expected.Length > 0 && Array.IndexOf(expected, status) < 0 => ErrorKind.ExpectationFailed,
        _ => null,
    };

    /// <summary>camelCase names, e.g. "connectionRefused", as the report and the instruments' <c>error.type</c> show them.</summary>
    public static string Name(ErrorKind kind)
    {
        var name = kind.ToString();
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
